//! The vocabulary of case actions: how a reply reached the customer, why a case was
//! cancelled, who may read a timeline entry.

crate::wire_enum! {
    /// How the customer was told the result (回复).
    pub enum ReplyMethod {
        Phone => "phone",
        Sms => "sms",
        InPerson => "in_person",
        Letter => "letter",
        Wechat => "wechat",
        Email => "email",
        App => "app",
        Other => "other",
    }
}

crate::wire_enum! {
    /// Why a case was cancelled.
    pub enum CancelReason {
        /// Already registered under another number (`duplicate_of` names it).
        Duplicate => "duplicate",
        /// Not a matter for customer service.
        Invalid => "invalid",
        /// The customer withdrew it.
        Withdrawn => "withdrawn",
    }
}

crate::wire_enum! {
    /// Who may read a timeline entry: residents see only `public` ones.
    pub enum Visibility {
        Internal => "internal",
        Public => "public",
    }
}

crate::wire_enum! {
    /// Where a work order stands.
    pub enum WorkOrderStatus {
        Open => "open",
        Accepted => "accepted",
        Done => "done",
        Cancelled => "cancelled",
    }
}
