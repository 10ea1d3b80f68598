"""Signs PDFs the way a signer's tool does, for tests/signed_pdf.rs: pyHanko (from PyPI) with a
self-made test CA, and makes the incremental updates the tamper tests need.

  make-ca DIR                         a test root (ECDSA P-384), an issuing CA (RSA 2048) and
                                      two signers: RSA 2048 and ECDSA P-384, as eID cards have
  sign IN OUT FIELD KEY CERT CHAIN..  signs the existing field FIELD (an incremental update)
  add-page IN OUT                     appends an incremental update that adds a page
  validate IN                         pyHanko's own verdict on every signature, one line each
"""
import datetime
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID


def name(common_name):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def certificate(subject, subject_key, issuer, issuer_key, is_ca, algorithm):
    start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(subject_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not is_ca, content_commitment=not is_ca,
                key_encipherment=False, data_encipherment=False, key_agreement=False,
                key_cert_sign=is_ca, crl_sign=is_ca, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(subject_key.public_key()), critical=False
        )
    )
    return builder.sign(issuer_key, algorithm)


def write_key(path, key):
    path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ))


def write_certificate(path, cert):
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def make_ca(folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    root_key = ec.generate_private_key(ec.SECP384R1())
    root_name = name("Protocolwijzer Test Root CA")
    root = certificate(root_name, root_key, root_name, root_key, True, hashes.SHA384())
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = name("Protocolwijzer Test Citizen CA")
    ca = certificate(ca_name, ca_key, root_name, root_key, True, hashes.SHA384())
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    rsa_signer = certificate(
        name("Jan Peeters (Signature)"), rsa_key, ca_name, ca_key, False, hashes.SHA256()
    )
    ec_key = ec.generate_private_key(ec.SECP384R1())
    ec_signer = certificate(
        name("An Janssens (Signature)"), ec_key, ca_name, ca_key, False, hashes.SHA256()
    )
    write_certificate(folder / "root.pem", root)
    write_certificate(folder / "ca.pem", ca)
    write_key(folder / "rsa-signer.key", rsa_key)
    write_certificate(folder / "rsa-signer.pem", rsa_signer)
    write_key(folder / "ec-signer.key", ec_key)
    write_certificate(folder / "ec-signer.pem", ec_signer)


def sign(source, target, field, key, cert, *chain):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load(key, cert, ca_chain_files=chain)
    with open(source, "rb") as handle:
        writer = IncrementalPdfFileWriter(handle)
        metadata = signers.PdfSignatureMetadata(field_name=field)
        output = signers.sign_pdf(
            writer, metadata, signer=signer, existing_fields_only=True
        )
        Path(target).write_bytes(output.getvalue())


def add_page(source, target):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    with open(source, "rb") as handle:
        writer = IncrementalPdfFileWriter(handle)
        page = generic.DictionaryObject({
            generic.NameObject("/Type"): generic.NameObject("/Page"),
            generic.NameObject("/MediaBox"): generic.ArrayObject(
                [generic.NumberObject(n) for n in (0, 0, 595, 842)]
            ),
            generic.NameObject("/Resources"): generic.DictionaryObject(),
        })
        writer.insert_page(page)
        with open(target, "wb") as out:
            writer.write(out)


def validate(source):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    with open(source, "rb") as handle:
        reader = PdfFileReader(handle)
        for signature in reader.embedded_signatures:
            status = validate_pdf_signature(signature, ValidationContext(allow_fetching=False))
            print(f"{signature.field_name}: intact={status.intact} valid={status.valid} "
                  f"coverage={status.coverage.name} modification={status.modification_level.name}")


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"make-ca": make_ca, "sign": sign, "add-page": add_page, "validate": validate}[command](
        *arguments
    )
