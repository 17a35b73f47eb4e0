//! How a response reached us, and how far that shows it followed a real service. The TPP
//! policy decides which trust levels count towards pay.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The public survey page, reached by link or QR poster.
    Web,
    /// The JSON API.
    Api,
    /// A one-time ticket issued at the counter for one real service.
    Ticket,
    /// A tablet at the counter, registered by staff as this service point's kiosk and
    /// approved by a second account outside the unit.
    Kiosk,
    /// A registered kiosk that no second account has approved yet: one staff account alone
    /// could have set it up, so its answers count for the published SKM only, never for pay.
    KioskPending,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trust {
    /// Anyone with the link could have answered.
    Open,
    /// Given on the premises, on a device staff registered there; not tied to one service.
    Onsite,
    /// Bound to one real service by a one-time ticket.
    Verified,
}

impl Trust {
    pub const ALL: [Trust; 3] = [Trust::Open, Trust::Onsite, Trust::Verified];

    pub fn code(self) -> &'static str {
        match self {
            Trust::Open => "open",
            Trust::Onsite => "onsite",
            Trust::Verified => "verified",
        }
    }

    pub fn from_code(code: &str) -> Option<Trust> {
        Trust::ALL.into_iter().find(|t| t.code() == code)
    }
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Web,
        Channel::Api,
        Channel::Ticket,
        Channel::Kiosk,
        Channel::KioskPending,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Api => "api",
            Channel::Ticket => "ticket",
            Channel::Kiosk => "kiosk",
            Channel::KioskPending => "kiosk_pending",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn trust(self) -> Trust {
        match self {
            Channel::Web | Channel::Api | Channel::KioskPending => Trust::Open,
            Channel::Kiosk => Trust::Onsite,
            Channel::Ticket => Trust::Verified,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_trust_is_ordered() {
        for channel in Channel::ALL {
            assert_eq!(Channel::from_code(channel.code()), Some(channel));
        }
        assert_eq!(Channel::Ticket.trust(), Trust::Verified);
        assert_eq!(Channel::Web.trust(), Trust::Open);
        assert_eq!(Channel::Kiosk.trust(), Trust::Onsite);
        assert_eq!(Channel::KioskPending.trust(), Trust::Open);
        for trust in Trust::ALL {
            assert_eq!(Trust::from_code(trust.code()), Some(trust));
        }
        assert!(Trust::Open < Trust::Onsite && Trust::Onsite < Trust::Verified);
    }
}
