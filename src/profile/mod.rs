//! The draft: a partner's answers (market, customers, staff) and its versioned JSON format.

#[cfg(test)]
mod arbitrary;
mod count;
mod error;
mod fast_read;
mod figures;
mod format;
mod kept_fields;
mod other_fields;
mod provenance;

pub use count::{Count, MAX_COUNT};
pub use error::{ParseError, Problem};
pub use figures::WorkloadFigures;
pub(crate) use format::write_json;
pub use format::{from_json, to_json};
pub use other_fields::OtherFields;
pub use provenance::{ReportDate, Source, SourceKind};

use serde::{Deserialize, Serialize};

/// Edition used when a draft names none.
pub(crate) const DEFAULT_EDITION: &str = "2017-06";

// `EDITIONS`: the ids of the rule editions (`assets/rules/*.toml`), oldest first, which a
// draft may name; listed at build time so that the draft knows them without the rules.
include!(concat!(env!("OUT_DIR"), "/editions.rs"));

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub name: String,
    pub edition: String,
    pub market: Option<Market>,
    /// How workloads combine toward the thresholds (SPEC.md §2, decision 2). Written only
    /// when not the default, so drafts of earlier versions read and write back alike.
    #[serde(skip_serializing_if = "Counting::is_default")]
    pub counting: Counting,
    pub customers: Vec<Customer>,
    pub staff: Vec<Person>,
    #[serde(flatten)]
    pub other: OtherFields,
}

impl Profile {
    pub fn new(name: impl Into<String>) -> Self {
        Profile {
            name: name.into(),
            edition: DEFAULT_EDITION.to_string(),
            market: None,
            counting: Counting::default(),
            customers: Vec::new(),
            staff: Vec::new(),
            other: OtherFields::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Market {
    Developed,
    Developing,
}

impl Market {
    pub const ALL: [Market; 2] = [Market::Developed, Market::Developing];

    pub fn id(self) -> &'static str {
        match self {
            Market::Developed => "developed",
            Market::Developing => "developing",
        }
    }
}

/// The three readings of how workloads combine toward 2,000 / 4,000 active entitlements:
/// Microsoft never published which one Partner Center uses (SPEC.md §2, decision 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// A customer counts its highest workload; the partner's total is their sum.
    #[default]
    LargestWorkload,
    /// Every workload of every counted customer adds (the most generous).
    SumOfWorkloads,
    /// Per workload, the sum over customers; the total is the largest of those (the strictest).
    BestWorkload,
}

impl Counting {
    pub const ALL: [Counting; 3] = [
        Counting::LargestWorkload,
        Counting::SumOfWorkloads,
        Counting::BestWorkload,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Counting::LargestWorkload => "largest_workload",
            Counting::SumOfWorkloads => "sum_of_workloads",
            Counting::BestWorkload => "best_workload",
        }
    }

    pub(crate) fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }

    pub(crate) fn is_default(&self) -> bool {
        *self == Counting::default()
    }
}

/// How the partner is associated with a customer tenant in Partner Center.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Association {
    DelegatedAdmin,
    TransactingPartner,
    DigitalPartnerOfRecord,
    FastTrackPartner,
    #[default]
    None,
}

impl Association {
    pub const ALL: [Association; 5] = [
        Association::DelegatedAdmin,
        Association::TransactingPartner,
        Association::DigitalPartnerOfRecord,
        Association::FastTrackPartner,
        Association::None,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Association::DelegatedAdmin => "delegated_admin",
            Association::TransactingPartner => "transacting_partner",
            Association::DigitalPartnerOfRecord => "digital_partner_of_record",
            Association::FastTrackPartner => "fast_track_partner",
            Association::None => "none",
        }
    }

    pub(crate) fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// The five Office 365 workloads whose active users the page counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Workload {
    ExchangeOnline,
    SharepointOnline,
    SkypeForBusiness,
    Yammer,
    Proplus,
}

impl Workload {
    pub const ALL: [Workload; 5] = [
        Workload::ExchangeOnline,
        Workload::SharepointOnline,
        Workload::SkypeForBusiness,
        Workload::Yammer,
        Workload::Proplus,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            Workload::ExchangeOnline => "exchange_online",
            Workload::SharepointOnline => "sharepoint_online",
            Workload::SkypeForBusiness => "skype_for_business",
            Workload::Yammer => "yammer",
            Workload::Proplus => "proplus",
        }
    }

    pub(crate) fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.id() == id)
    }
}

/// Active users (last 28 days) per workload; a workload missing from the file is 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActiveUsers {
    #[serde(default)]
    pub exchange_online: Count,
    #[serde(default)]
    pub sharepoint_online: Count,
    #[serde(default)]
    pub skype_for_business: Count,
    #[serde(default)]
    pub yammer: Count,
    #[serde(default)]
    pub proplus: Count,
}

impl ActiveUsers {
    pub fn get(&self, workload: Workload) -> Count {
        match workload {
            Workload::ExchangeOnline => self.exchange_online,
            Workload::SharepointOnline => self.sharepoint_online,
            Workload::SkypeForBusiness => self.skype_for_business,
            Workload::Yammer => self.yammer,
            Workload::Proplus => self.proplus,
        }
    }

    pub fn set(&mut self, workload: Workload, value: Count) {
        let slot = match workload {
            Workload::ExchangeOnline => &mut self.exchange_online,
            Workload::SharepointOnline => &mut self.sharepoint_online,
            Workload::SkypeForBusiness => &mut self.skype_for_business,
            Workload::Yammer => &mut self.yammer,
            Workload::Proplus => &mut self.proplus,
        };
        *slot = value;
    }
}

/// Read field by field in `kept_fields`, which keeps the fields it does not know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Customer {
    pub name: String,
    pub association: Association,
    pub trial: bool,
    pub active_users: ActiveUsers,
    /// The tenant's domain (`contoso.onmicrosoft.com`), from a usage report or typed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant_domain: Option<String>,
    /// Where `active_users` came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<Source>>,
    /// From a usage report: users holding each workload's licence, not deleted.
    #[serde(skip_serializing_if = "WorkloadFigures::is_empty")]
    pub licensed_users: WorkloadFigures,
    /// From a usage report: active users still inside the 28-day window 7 days later.
    #[serde(skip_serializing_if = "WorkloadFigures::is_empty")]
    pub active_users_in_7_days: WorkloadFigures,
    #[serde(flatten)]
    pub other: OtherFields,
}

impl Customer {
    pub fn new(name: impl Into<String>) -> Self {
        Customer {
            name: name.into(),
            association: Association::DelegatedAdmin,
            trial: false,
            active_users: ActiveUsers::default(),
            tenant_domain: None,
            source: None,
            licensed_users: WorkloadFigures::default(),
            active_users_in_7_days: WorkloadFigures::default(),
            other: OtherFields::new(),
        }
    }
}

/// A person on the partner's staff, with the exams passed and certifications held.
/// Read field by field in `kept_fields`, which keeps the fields it does not know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub name: String,
    pub exams: Vec<String>,
    pub certifications: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Where the exams and certifications came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<Source>>,
    #[serde(flatten)]
    pub other: OtherFields,
}

impl Person {
    pub fn new(name: impl Into<String>) -> Self {
        Person {
            name: name.into(),
            exams: Vec::new(),
            certifications: Vec::new(),
            email: None,
            source: None,
            other: OtherFields::new(),
        }
    }
}
