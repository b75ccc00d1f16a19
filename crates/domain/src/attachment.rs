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

#[cfg(test)]
mod tests {
    use super::*;

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
