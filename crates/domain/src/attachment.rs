//! Attachments are recognised by their bytes, never by the name or the declared type,
//! so a script renamed to `.jpg` is refused.

crate::wire_enum! {
    /// The file types a case may carry: photos and scans of letters and faxes.
    pub enum AttachmentType {
        Jpeg => "image/jpeg",
        Png => "image/png",
        Webp => "image/webp",
        Pdf => "application/pdf",
    }
}

impl AttachmentType {
    pub fn mime(self) -> &'static str {
        self.as_str()
    }

    pub fn extension(self) -> &'static str {
        match self {
            AttachmentType::Jpeg => "jpg",
            AttachmentType::Png => "png",
            AttachmentType::Webp => "webp",
            AttachmentType::Pdf => "pdf",
        }
    }
}

/// Identifies a file from its first bytes.
pub fn sniff(bytes: &[u8]) -> Option<AttachmentType> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(AttachmentType::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(AttachmentType::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(AttachmentType::Webp)
    } else if bytes.starts_with(b"%PDF-") {
        Some(AttachmentType::Pdf)
    } else {
        None
    }
}

/// Attachments a case may carry unless configured otherwise (`HUIYIN_ATTACHMENTS_PER_CASE`).
pub const DEFAULT_PER_CASE: usize = 50;

/// Why a case takes no further attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AttachRefusal {
    /// Closed or cancelled: the record is final.
    #[error("the case is {0}: a finished case takes no new attachments")]
    Finished(crate::case::CaseStatus),
    #[error("a case carries at most {0} attachments")]
    Full(usize),
}

/// Whether a case in `status` already carrying `count` attachments takes one more, with at most
/// `limit` per case.
pub fn may_attach(status: crate::case::CaseStatus, count: usize, limit: usize) -> Result<(), AttachRefusal> {
    if status.is_terminal() {
        Err(AttachRefusal::Finished(status))
    } else if count >= limit {
        Err(AttachRefusal::Full(limit))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::CaseStatus;

    #[test]
    fn finished_or_full_cases_take_no_attachment() {
        assert_eq!(may_attach(CaseStatus::InProgress, 49, 50), Ok(()));
        assert_eq!(may_attach(CaseStatus::Resolved, 0, 50), Ok(()));
        assert_eq!(may_attach(CaseStatus::InProgress, 50, 50), Err(AttachRefusal::Full(50)));
        assert_eq!(
            may_attach(CaseStatus::Closed, 0, 50),
            Err(AttachRefusal::Finished(CaseStatus::Closed))
        );
        assert_eq!(
            may_attach(CaseStatus::Cancelled, 0, 50),
            Err(AttachRefusal::Finished(CaseStatus::Cancelled))
        );
    }

    #[test]
    fn recognises_the_four_types_by_magic_bytes() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Some(AttachmentType::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(AttachmentType::Png));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(AttachmentType::Webp));
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(AttachmentType::Pdf));
    }

    #[test]
    fn refuses_everything_else() {
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"<html><script>"), None);
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b"RIFF\x10\0\0\0WAVE"), None);
        assert_eq!(sniff(b"MZ\x90\0"), None);
        assert_eq!(sniff(&[0xFF, 0xD8]), None);
    }
}
