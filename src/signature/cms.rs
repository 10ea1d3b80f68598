//! The CMS SignedData in a PDF signature's `/Contents` (RFC 5652; `adbe.pkcs7.detached` and
//! `ETSI.CAdES.detached`): which certificate signed, the message digest it signed, when, and
//! whether the signature over the signed attributes holds.

use chrono::NaiveDateTime;
use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use der::asn1::OctetString;
use der::oid::ObjectIdentifier;
use der::{Decode, Encode, Reader, SliceReader};
use x509_cert::Certificate;
use x509_cert::ext::pkix::SubjectKeyIdentifier;
use x509_cert::time::Time;

use super::crypto::{self, DigestAlgorithm};

const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const ID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const ID_SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
const ID_SUBJECT_KEY_IDENTIFIER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.14");

/// What a signature's CMS says, read and checked.
pub(super) struct Signature {
    /// The signer's certificate.
    pub(super) signer: Certificate,
    /// Every certificate the signature carries (the signer's and, usually, its issuers).
    pub(super) certificates: Vec<Certificate>,
    /// The digest algorithm over the document's bytes.
    pub(super) digest_algorithm: DigestAlgorithm,
    /// The digest of the document's bytes the signer signed.
    pub(super) message_digest: Vec<u8>,
    /// The signing time the signer claims (signed attribute), UTC.
    pub(super) signing_time: Option<NaiveDateTime>,
    /// Whether the signature over the signed attributes verifies with the signer's key; the
    /// key's description when it does.
    pub(super) signature: Result<String, String>,
}

/// Reads the DER of a CMS ContentInfo (a PDF pads it with zeros after its end).
pub(super) fn read(contents: &[u8]) -> Result<Signature, String> {
    let unreadable = |error: der::Error| format!("de handtekening (CMS) is onleesbaar: {error}");
    let mut reader = SliceReader::new(contents).map_err(unreadable)?;
    let info = ContentInfo::decode(&mut reader).map_err(unreadable)?;
    // Only zero padding may follow.
    let rest = reader
        .read_slice(reader.remaining_len())
        .map_err(unreadable)?;
    if rest.iter().any(|byte| *byte != 0) {
        return Err("na de handtekening (CMS) staan nog andere gegevens".to_string());
    }
    if info.content_type != ID_SIGNED_DATA {
        return Err("de handtekening is geen CMS SignedData".to_string());
    }
    let signed: SignedData = info.content.decode_as().map_err(unreadable)?;
    let certificates: Vec<Certificate> = signed
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(certificate) => Some(certificate.clone()),
            CertificateChoices::Other(_) => None,
        })
        .collect();
    let mut signers = signed.signer_infos.0.iter();
    let (Some(signer_info), None) = (signers.next(), signers.next()) else {
        return Err("de handtekening moet precies één ondertekenaar hebben".to_string());
    };
    let signer = certificates
        .iter()
        .find(|certificate| identifies(&signer_info.sid, certificate))
        .cloned()
        .ok_or("het certificaat van de ondertekenaar ontbreekt in de handtekening")?;
    let digest_algorithm = DigestAlgorithm::from_oid(signer_info.digest_alg.oid)?;
    let attributes = signed_attributes(signer_info)?;
    let signature = check(signer_info, &signer, digest_algorithm, &attributes.der);
    Ok(Signature {
        signer,
        certificates,
        digest_algorithm,
        message_digest: attributes.message_digest,
        signing_time: attributes.signing_time,
        signature,
    })
}

/// The signed attributes that matter, and their DER.
struct SignedAttributes {
    message_digest: Vec<u8>,
    signing_time: Option<NaiveDateTime>,
    /// The DER of the attributes as the SET OF that is signed (RFC 5652 §5.4).
    der: Vec<u8>,
}

/// The message digest, the signing time and the DER of the signed attributes.
fn signed_attributes(signer_info: &SignerInfo) -> Result<SignedAttributes, String> {
    let attributes = signer_info
        .signed_attrs
        .as_ref()
        .ok_or("de handtekening heeft geen ondertekende attributen (messageDigest)")?;
    let mut message_digest = None;
    let mut signing_time = None;
    for attribute in attributes.iter() {
        let Some(value) = attribute.values.iter().next() else {
            continue;
        };
        if attribute.oid == ID_MESSAGE_DIGEST {
            message_digest = value
                .decode_as::<OctetString>()
                .ok()
                .map(|digest| digest.as_bytes().to_vec());
        } else if attribute.oid == ID_SIGNING_TIME {
            signing_time = value
                .to_der()
                .ok()
                .and_then(|der| Time::from_der(&der).ok())
                .and_then(|time| {
                    let seconds = time.to_unix_duration().as_secs();
                    chrono::DateTime::from_timestamp(i64::try_from(seconds).ok()?, 0)
                })
                .map(|time| time.naive_utc());
        }
    }
    let message_digest = message_digest.ok_or("de handtekening noemt geen messageDigest")?;
    let der = attributes
        .to_der()
        .map_err(|error| format!("de ondertekende attributen zijn onleesbaar: {error}"))?;
    Ok(SignedAttributes {
        message_digest,
        signing_time,
        der,
    })
}

/// The signature over the signed attributes, with the signer's key.
fn check(
    signer_info: &SignerInfo,
    signer: &Certificate,
    digest_algorithm: DigestAlgorithm,
    signed_attributes: &[u8],
) -> Result<String, String> {
    // A signature algorithm that names its own hash must name the signer's.
    if let Some(named) = crypto::digest_of_signature_algorithm(signer_info.signature_algorithm.oid)?
        && named != digest_algorithm
    {
        return Err(format!(
            "het handtekeningalgoritme gebruikt {}, de ondertekenaar {}",
            named.label(),
            digest_algorithm.label()
        ));
    }
    let digest = digest_algorithm.digest(&[signed_attributes]);
    crypto::verify(
        &signer.tbs_certificate.subject_public_key_info,
        digest_algorithm,
        &digest,
        signer_info.signature.as_bytes(),
    )
}

/// Whether `sid` names `certificate`.
fn identifies(sid: &SignerIdentifier, certificate: &Certificate) -> bool {
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(named) => {
            named.serial_number == certificate.tbs_certificate.serial_number
                && named.issuer.to_der().ok() == certificate.tbs_certificate.issuer.to_der().ok()
        }
        SignerIdentifier::SubjectKeyIdentifier(named) => certificate
            .tbs_certificate
            .extensions
            .iter()
            .flatten()
            .filter(|extension| extension.extn_id == ID_SUBJECT_KEY_IDENTIFIER)
            .filter_map(|extension| {
                SubjectKeyIdentifier::from_der(extension.extn_value.as_bytes()).ok()
            })
            .any(|own| own == *named),
    }
}
