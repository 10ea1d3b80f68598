//! Signature verification of a digest with a public key: RSA PKCS #1 v1.5 (older Belgian eID
//! cards, most software certificates) and ECDSA on P-256 and P-384 (newer eID cards). One
//! function for both uses: the CMS signature over the signed attributes, and a certificate's
//! signature by its issuer.

use der::Encode;
use der::oid::ObjectIdentifier;
use ecdsa::signature::hazmat::PrehashVerifier;
use sha2::{Sha256, Sha384, Sha512};
use spki::SubjectPublicKeyInfoOwned;

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const SHA384_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const SHA512_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const ECDSA_WITH_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_WITH_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
const ECDSA_WITH_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4");
const CURVE_P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const CURVE_P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

/// The digest algorithms we accept (SHA-1 is refused: too weak for a signature today).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DigestAlgorithm {
    Sha256,
    Sha384,
    Sha512,
}

impl DigestAlgorithm {
    /// The algorithm of a digest-algorithm identifier (CMS `digestAlgorithm`).
    pub(super) fn from_oid(oid: ObjectIdentifier) -> Result<Self, String> {
        match oid {
            SHA256 => Ok(Self::Sha256),
            SHA384 => Ok(Self::Sha384),
            SHA512 => Ok(Self::Sha512),
            other => Err(format!("hashalgoritme {other} wordt niet ondersteund")),
        }
    }

    /// The digest of the parts, one after the other.
    pub(super) fn digest(self, parts: &[&[u8]]) -> Vec<u8> {
        fn run<D: sha2::Digest>(parts: &[&[u8]]) -> Vec<u8> {
            let mut hasher = D::new();
            for part in parts {
                hasher.update(part);
            }
            hasher.finalize().to_vec()
        }
        match self {
            Self::Sha256 => run::<Sha256>(parts),
            Self::Sha384 => run::<Sha384>(parts),
            Self::Sha512 => run::<Sha512>(parts),
        }
    }

    /// "SHA-256".
    pub(super) fn label(self) -> &'static str {
        match self {
            Self::Sha256 => "SHA-256",
            Self::Sha384 => "SHA-384",
            Self::Sha512 => "SHA-512",
        }
    }
}

/// The digest algorithm a signature algorithm identifier names (`sha256WithRSAEncryption`,
/// `ecdsa-with-SHA384`), or `None` for one that names only the key (`rsaEncryption`,
/// `id-ecPublicKey`, where CMS takes the signer's digest algorithm).
pub(super) fn digest_of_signature_algorithm(
    oid: ObjectIdentifier,
) -> Result<Option<DigestAlgorithm>, String> {
    match oid {
        SHA256_WITH_RSA | ECDSA_WITH_SHA256 => Ok(Some(DigestAlgorithm::Sha256)),
        SHA384_WITH_RSA | ECDSA_WITH_SHA384 => Ok(Some(DigestAlgorithm::Sha384)),
        SHA512_WITH_RSA | ECDSA_WITH_SHA512 => Ok(Some(DigestAlgorithm::Sha512)),
        RSA_ENCRYPTION | EC_PUBLIC_KEY => Ok(None),
        other => Err(format!(
            "handtekeningalgoritme {other} wordt niet ondersteund"
        )),
    }
}

/// Checks `signature` over `digest` (made with `algorithm`) with the public key `key`.
/// Returns the key's description ("RSA 2048 bits", "ECDSA P-384") when it verifies.
pub(super) fn verify(
    key: &SubjectPublicKeyInfoOwned,
    algorithm: DigestAlgorithm,
    digest: &[u8],
    signature: &[u8],
) -> Result<String, String> {
    let raw = key.subject_public_key.raw_bytes();
    let refused = || "de handtekening klopt niet met de sleutel van het certificaat".to_string();
    match key.algorithm.oid {
        RSA_ENCRYPTION => {
            use rsa::pkcs1::DecodeRsaPublicKey;
            use rsa::traits::PublicKeyParts;
            let public = rsa::RsaPublicKey::from_pkcs1_der(raw)
                .map_err(|error| format!("de RSA-sleutel is onleesbaar: {error}"))?;
            let scheme = match algorithm {
                DigestAlgorithm::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
                DigestAlgorithm::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
                DigestAlgorithm::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
            };
            public
                .verify(scheme, digest, signature)
                .map_err(|_| refused())?;
            Ok(format!("RSA {} bits", public.size() * 8))
        }
        EC_PUBLIC_KEY => {
            let curve = key
                .algorithm
                .parameters
                .as_ref()
                .and_then(|parameters| parameters.decode_as::<ObjectIdentifier>().ok());
            match curve {
                Some(CURVE_P256) => {
                    let public = p256::ecdsa::VerifyingKey::from_sec1_bytes(raw)
                        .map_err(|_| "de ECDSA-sleutel (P-256) is onleesbaar".to_string())?;
                    let signature = p256::ecdsa::DerSignature::from_bytes(signature)
                        .map_err(|_| "de ECDSA-handtekening is onleesbaar".to_string())?;
                    public
                        .verify_prehash(digest, &signature)
                        .map_err(|_| refused())?;
                    Ok("ECDSA P-256".to_string())
                }
                Some(CURVE_P384) => {
                    let public = p384::ecdsa::VerifyingKey::from_sec1_bytes(raw)
                        .map_err(|_| "de ECDSA-sleutel (P-384) is onleesbaar".to_string())?;
                    let signature = p384::ecdsa::DerSignature::from_bytes(signature)
                        .map_err(|_| "de ECDSA-handtekening is onleesbaar".to_string())?;
                    public
                        .verify_prehash(digest, &signature)
                        .map_err(|_| refused())?;
                    Ok("ECDSA P-384".to_string())
                }
                Some(other) => Err(format!(
                    "de elliptische curve {other} wordt niet ondersteund"
                )),
                None => Err("de elliptische curve van de sleutel ontbreekt".to_string()),
            }
        }
        other => Err(format!("het sleuteltype {other} wordt niet ondersteund")),
    }
}

/// Checks that `issuer_key` signed `certificate`.
pub(super) fn verify_certificate(
    certificate: &x509_cert::Certificate,
    issuer_key: &SubjectPublicKeyInfoOwned,
) -> Result<(), String> {
    let algorithm = digest_of_signature_algorithm(certificate.signature_algorithm.oid)?
        .ok_or_else(|| "het certificaat noemt geen hashalgoritme".to_string())?;
    let tbs = certificate
        .tbs_certificate
        .to_der()
        .map_err(|error| format!("het certificaat is onleesbaar: {error}"))?;
    let digest = algorithm.digest(&[&tbs]);
    verify(
        issuer_key,
        algorithm,
        &digest,
        certificate.signature.raw_bytes(),
    )
    .map(|_| ())
}
