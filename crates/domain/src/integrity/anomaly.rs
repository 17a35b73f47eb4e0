//! Rules that hold a response back for review instead of counting it. Each rule states its
//! reason; the inspectorate accepts or rejects what lands in quarantine. The rules look at
//! counts the store gathers about recent responses from the same device, network and unit;
//! devices and networks are known only by salted, daily-rotating hashes.

use serde::Serialize;

use crate::org::hours::ServiceHours;

/// What the store counted before this response (not including it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recent {
    /// Responses for the same unit from the same device in the last hour.
    pub device_same_unit_hour: u32,
    /// Responses from the same network in the last hour.
    pub network_hour: u32,
    /// Straight-lined responses (every answer the same) from the same network in the last hour.
    pub network_straight_lined_hour: u32,
    /// Responses for the same unit in the last ten minutes.
    pub unit_ten_minutes: u32,
    /// Responses for the same unit in the last hour (open ones that were counted).
    pub unit_hour: u32,
    /// For a kiosk answer: seconds since the kiosk's previous answer (held or not) within the
    /// last hour.
    pub kiosk_seconds_since_previous: Option<i64>,
    /// Whether that previous answer was straight-lined.
    pub kiosk_previous_straight_lined: bool,
}

/// Everything the rules look at for one response.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Observation {
    pub recent: Recent,
    /// Came by the web page or API (anyone could have sent it); only these are judged by
    /// the unit-burst rule.
    pub open_channel: bool,
    /// Every answer the same (see [`straight_lined`]).
    pub straight_lined: bool,
    /// Answers a one-time ticket: bound to one real service, it is judged by the ticket
    /// rules and the posted hours, never by the device, network and straight-lining counts,
    /// so a junk stream from the same building cannot hold it.
    pub answers_ticket: bool,
    /// Came from a registered kiosk: one tablet at a counter, answered by one citizen after
    /// another. It is judged by its pace ([`Rules::min_kiosk_seconds`]) and hourly volume,
    /// never by the device, network and straight-lining counts, so a burst of junk taps holds
    /// those taps and not the citizens who answer after them (many genuine citizens answer
    /// all-same).
    pub at_kiosk: bool,
    /// The request carried a device id / a network (or kiosk) the counts above refer to.
    pub has_device: bool,
    pub has_network: bool,
    /// For a ticket answered from the network it was issued from: seconds from issue to answer.
    pub ticket_seconds_from_issuing_network: Option<i64>,
    /// The moment of service (a ticket's issue, else the answer) fell outside the unit's
    /// posted hours and their grace; `false` when the unit posts no hours.
    pub outside_service_hours: bool,
    /// Open answers the unit can plausibly get in an hour ([`open_hour_limit`]); `None` when
    /// its users a month are not known, or for imported answers.
    pub unit_open_hour_limit: Option<u32>,
}

/// Thresholds; the defaults suit a counter where one citizen is served every few minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    pub max_device_same_unit_hour: u32,
    pub max_network_hour: u32,
    pub max_network_straight_lined_hour: u32,
    pub max_unit_ten_minutes: u32,
    /// Nine questions cannot honestly be read and answered faster than this.
    pub min_ticket_seconds_at_counter: i64,
    /// Nor can one citizen step up to a kiosk and answer all nine in less time than this
    /// after the one before: two all-same answers in a row closer than this are taps.
    pub min_kiosk_seconds: i64,
    /// One a minute for an hour is more than one counter serves: past it, a kiosk is being
    /// scripted at a citizen's pace.
    pub max_kiosk_hour: u32,
}

/// How many open answers (web page, API) a unit can plausibly get in an hour: twice its
/// users per hour of service (its users a month over its posted hours in a month, or 22 days
/// of 8 hours when it posts none), rounded up, and never fewer than [`MIN_OPEN_HOUR`] nor more
/// than [`MAX_OPEN_HOUR`]. `None` when the unit's users a month are not known.
///
/// Why: every answer in a flood from many networks looks like a citizen's, so no rule about
/// one device or network can hold it; what a flood cannot hide is its volume. Anything past
/// this is held for the inspectorate (nothing is lost), so an afternoon's flood moves the
/// published index by at most this many answers an hour, while the unit's citizens, who
/// answer at kiosks and by ticket, keep counting.
pub fn open_hour_limit(monthly_users: Option<u32>, hours: Option<&ServiceHours>) -> Option<u32> {
    let users = u64::from(monthly_users?);
    // Weeks in a month: 52 / 12.
    let month_minutes = match hours.map(ServiceHours::minutes_per_week) {
        Some(week) if week > 0 => u64::from(week) * 52 / 12,
        _ => 22 * 8 * 60,
    }
    .max(1);
    let limit = (2 * users * 60).div_ceil(month_minutes);
    Some(limit.clamp(u64::from(MIN_OPEN_HOUR), u64::from(MAX_OPEN_HOUR)) as u32)
}

/// A unit's citizens who answer by phone after a visit seldom come three in an hour; three
/// more than that, held for review, cost the inspectorate a click.
pub const MIN_OPEN_HOUR: u32 = 3;
/// Below the counts' cap in the store, so the count always reaches the limit.
pub const MAX_OPEN_HOUR: u32 = 90;

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            max_device_same_unit_hour: 2,
            max_network_hour: 30,
            max_network_straight_lined_hour: 4,
            max_unit_ten_minutes: 40,
            min_ticket_seconds_at_counter: 60,
            min_kiosk_seconds: 20,
            max_kiosk_hour: 60,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// One phone or browser rating the same unit again and again.
    DeviceRepeat,
    /// Many responses from one network (one building, one hotspot) or one kiosk.
    NetworkBurst,
    /// Identical all-same answers in bulk from one network or kiosk.
    StraightLinedBulk,
    /// More responses for a unit than its counters can serve.
    UnitBurst,
    /// A ticket answered within seconds from the network that issued it: the counter
    /// answering its own ticket.
    TicketAtCounter,
    /// Given (or its ticket issued) when the unit was closed.
    OutsideServiceHours,
    /// An all-same kiosk answer that came after the kiosk's previous all-same one faster than
    /// a citizen can answer: taps, not a queue of citizens.
    KioskTooFast,
    /// More answers from one kiosk within an hour than one counter serves.
    KioskBurst,
}

impl Reason {
    pub const ALL: [Reason; 8] = [
        Reason::DeviceRepeat,
        Reason::NetworkBurst,
        Reason::StraightLinedBulk,
        Reason::UnitBurst,
        Reason::TicketAtCounter,
        Reason::OutsideServiceHours,
        Reason::KioskTooFast,
        Reason::KioskBurst,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Reason::DeviceRepeat => "device_repeat",
            Reason::NetworkBurst => "network_burst",
            Reason::StraightLinedBulk => "straight_lined_bulk",
            Reason::UnitBurst => "unit_burst",
            Reason::TicketAtCounter => "ticket_at_counter",
            Reason::OutsideServiceHours => "outside_service_hours",
            Reason::KioskTooFast => "kiosk_too_fast",
            Reason::KioskBurst => "kiosk_burst",
        }
    }

    pub fn from_code(code: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// The reasons to hold this response back; empty means it counts.
pub fn assess(seen: &Observation, rules: &Rules) -> Vec<Reason> {
    let recent = &seen.recent;
    let mut reasons = Vec::new();
    let streamed = !seen.answers_ticket && !seen.at_kiosk;
    if streamed
        && seen.has_device
        && recent.device_same_unit_hour >= rules.max_device_same_unit_hour
    {
        reasons.push(Reason::DeviceRepeat);
    }
    if streamed && seen.has_network && recent.network_hour >= rules.max_network_hour {
        reasons.push(Reason::NetworkBurst);
    }
    if streamed
        && seen.has_network
        && seen.straight_lined
        && recent.network_straight_lined_hour >= rules.max_network_straight_lined_hour
    {
        reasons.push(Reason::StraightLinedBulk);
    }
    let past_plausible = seen
        .unit_open_hour_limit
        .is_some_and(|limit| recent.unit_hour >= limit);
    if seen.open_channel
        && (recent.unit_ten_minutes >= rules.max_unit_ten_minutes || past_plausible)
    {
        reasons.push(Reason::UnitBurst);
    }
    if seen
        .ticket_seconds_from_issuing_network
        .is_some_and(|s| s < rules.min_ticket_seconds_at_counter)
    {
        reasons.push(Reason::TicketAtCounter);
    }
    if seen.outside_service_hours {
        reasons.push(Reason::OutsideServiceHours);
    }
    // Only all-same taps in a row: answers queued on a tablet that lost its connection
    // arrive together when it is back, and must count.
    if seen.at_kiosk
        && seen.straight_lined
        && recent.kiosk_previous_straight_lined
        && recent
            .kiosk_seconds_since_previous
            .is_some_and(|s| s < rules.min_kiosk_seconds)
    {
        reasons.push(Reason::KioskTooFast);
    }
    if seen.at_kiosk && seen.has_network && recent.network_hour >= rules.max_kiosk_hour {
        reasons.push(Reason::KioskBurst);
    }
    reasons
}

/// The network an address belongs to, as the rules see it: the /24 of an IPv4 address, the
/// /64 of an IPv6 one (one household, office or hotspot).
pub fn network_of(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0/24")
        }
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => network_of(std::net::IpAddr::V4(v4)),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// Every answered element the same (and at least three answered): a pattern typical of
/// scripted or careless bulk answers, harmless on its own.
pub fn straight_lined(answers: &[Option<u8>]) -> bool {
    let given: Vec<u8> = answers.iter().flatten().copied().collect();
    given.len() >= 3 && given.windows(2).all(|w| w[0] == w[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quiet response from a known device and network, with `recent` counts.
    fn seen(recent: Recent, straight_lined: bool) -> Observation {
        Observation {
            recent,
            straight_lined,
            has_device: true,
            has_network: true,
            open_channel: true,
            ..Observation::default()
        }
    }

    #[test]
    fn each_rule_fires_at_its_threshold() {
        let rules = Rules::default();
        let quiet = Recent::default();
        assert!(assess(&seen(quiet, true), &rules).is_empty());
        let device = Recent {
            device_same_unit_hour: 2,
            ..quiet
        };
        assert_eq!(assess(&seen(device, false), &rules), [Reason::DeviceRepeat]);
        let unknown_device = Observation {
            has_device: false,
            ..seen(device, false)
        };
        assert!(
            assess(&unknown_device, &rules).is_empty(),
            "no device known, no device rule"
        );
        let network = |n| Recent {
            network_hour: n,
            ..quiet
        };
        assert_eq!(
            assess(&seen(network(30), false), &rules),
            [Reason::NetworkBurst]
        );
        assert!(assess(&seen(network(29), false), &rules).is_empty());
        let lined = Recent {
            network_straight_lined_hour: 4,
            ..quiet
        };
        assert_eq!(
            assess(&seen(lined, true), &rules),
            [Reason::StraightLinedBulk]
        );
        assert!(
            assess(&seen(lined, false), &rules).is_empty(),
            "a varied answer is not straight-lined"
        );
        let unit = Observation {
            has_device: false,
            has_network: false,
            ..seen(
                Recent {
                    unit_ten_minutes: 40,
                    ..quiet
                },
                false,
            )
        };
        assert_eq!(assess(&unit, &rules), [Reason::UnitBurst]);
        let kiosk = Observation {
            open_channel: false,
            ..unit
        };
        assert!(
            assess(&kiosk, &rules).is_empty(),
            "kiosk and ticket answers are not held for a unit's burst"
        );
    }

    #[test]
    fn open_answers_past_a_units_plausible_hour_are_held() {
        let rules = Rules::default();
        let hour = |n, limit| Observation {
            unit_open_hour_limit: limit,
            ..seen(
                Recent {
                    unit_hour: n,
                    ..Recent::default()
                },
                false,
            )
        };
        assert!(assess(&hour(2, Some(3)), &rules).is_empty());
        assert_eq!(assess(&hour(3, Some(3)), &rules), [Reason::UnitBurst]);
        assert!(
            assess(&hour(50, None), &rules).is_empty(),
            "no users known, no hourly limit"
        );
        let kiosk = Observation {
            open_channel: false,
            ..hour(50, Some(3))
        };
        assert!(assess(&kiosk, &rules).is_empty());
    }

    #[test]
    fn the_plausible_hour_follows_users_and_posted_hours() {
        // 334 users in 176 hours: 1,9 an hour, twice that is 3,8: 4.
        assert_eq!(open_hour_limit(Some(334), None), Some(4));
        assert_eq!(open_hour_limit(Some(100), None), Some(MIN_OPEN_HOUR));
        assert_eq!(open_hour_limit(Some(5_000), None), Some(57));
        assert_eq!(open_hour_limit(Some(1_000_000), None), Some(MAX_OPEN_HOUR));
        assert_eq!(open_hour_limit(None, None), None);
        // Open only Monday to Thursday mornings (16 hours a week, 69 a month): 2 × 334 / 69.
        let mornings: ServiceHours = "Sen-Kam 08:00-12:00".parse().expect("hours");
        assert_eq!(open_hour_limit(Some(334), Some(&mornings)), Some(10));
        assert_eq!(
            open_hour_limit(Some(334), Some(&ServiceHours::default())),
            Some(4),
            "no posted hours read as a working month"
        );
    }

    proptest::proptest! {
        #[test]
        fn the_plausible_hour_stays_within_its_bounds(users: u32, from in 0u16..1400, long in 1u16..40) {
            let hours: ServiceHours = format!(
                "Sen-Min {:02}:{:02}-{:02}:{:02}",
                from / 60, from % 60, (from + long) / 60, (from + long) % 60
            )
            .parse()
            .expect("hours");
            let limit = open_hour_limit(Some(users), Some(&hours)).expect("limit");
            proptest::prop_assert!((MIN_OPEN_HOUR..=MAX_OPEN_HOUR).contains(&limit));
        }
    }

    #[test]
    fn tickets_answered_at_the_counter_and_answers_after_hours_are_held() {
        let rules = Rules::default();
        let ticket = |seconds| Observation {
            ticket_seconds_from_issuing_network: Some(seconds),
            ..seen(Recent::default(), false)
        };
        assert_eq!(assess(&ticket(59), &rules), [Reason::TicketAtCounter]);
        assert_eq!(assess(&ticket(-3), &rules), [Reason::TicketAtCounter]);
        assert!(assess(&ticket(60), &rules).is_empty());
        let closed = Observation {
            outside_service_hours: true,
            ..seen(Recent::default(), false)
        };
        assert_eq!(assess(&closed, &rules), [Reason::OutsideServiceHours]);
        let everything = Observation {
            recent: Recent {
                device_same_unit_hour: 9,
                network_hour: 99,
                network_straight_lined_hour: 9,
                unit_ten_minutes: 99,
                unit_hour: 0,
                kiosk_seconds_since_previous: None,
                kiosk_previous_straight_lined: false,
            },
            ..Observation {
                straight_lined: true,
                ..closed
            }
        };
        let everything = Observation {
            ticket_seconds_from_issuing_network: Some(1),
            ..everything
        };
        assert_eq!(
            assess(&everything, &rules),
            Reason::ALL[..6],
            "each reason stated once"
        );
    }

    #[test]
    fn a_kiosk_is_judged_by_its_pace_not_by_its_stream() {
        let rules = Rules::default();
        let kiosk = |since_previous, straight_lined| Observation {
            at_kiosk: true,
            open_channel: false,
            has_device: false,
            ..seen(
                Recent {
                    // Past the network and straight-lining limits, short of the kiosk's.
                    network_hour: 59,
                    network_straight_lined_hour: 9,
                    kiosk_seconds_since_previous: since_previous,
                    ..Recent::default()
                },
                straight_lined,
            )
        };
        let after_tap = |since, straight_lined| Observation {
            recent: Recent {
                kiosk_previous_straight_lined: true,
                ..kiosk(since, straight_lined).recent
            },
            ..kiosk(since, straight_lined)
        };
        // After a burst of taps, the citizen who steps up next counts, all-same or not.
        assert!(assess(&after_tap(Some(20), true), &rules).is_empty());
        assert!(assess(&kiosk(None, true), &rules).is_empty());
        // An all-same tap right after an all-same one is held.
        assert_eq!(
            assess(&after_tap(Some(19), true), &rules),
            [Reason::KioskTooFast]
        );
        // Answers queued offline arrive together: varied ones, or one after a varied one,
        // count.
        assert!(assess(&after_tap(Some(0), false), &rules).is_empty());
        assert!(assess(&kiosk(Some(0), true), &rules).is_empty());
        // Sixty an hour is all one counter serves, however paced.
        let busy = |n| Observation {
            recent: Recent {
                network_hour: n,
                kiosk_seconds_since_previous: Some(30),
                ..Recent::default()
            },
            ..kiosk(None, false)
        };
        assert!(assess(&busy(59), &rules).is_empty());
        assert_eq!(assess(&busy(60), &rules), [Reason::KioskBurst]);
    }

    #[test]
    fn a_stream_from_the_same_building_does_not_hold_a_ticket_answer() {
        let rules = Rules::default();
        let flooded = Recent {
            device_same_unit_hour: 9,
            network_hour: 99,
            network_straight_lined_hour: 9,
            unit_ten_minutes: 99,
            unit_hour: 99,
            kiosk_seconds_since_previous: None,
            kiosk_previous_straight_lined: false,
        };
        let ticket = Observation {
            answers_ticket: true,
            open_channel: false,
            ..seen(flooded, true)
        };
        assert!(assess(&ticket, &rules).is_empty());
        let open = Observation {
            answers_ticket: false,
            open_channel: true,
            ..ticket
        };
        assert_eq!(assess(&open, &rules).len(), 4, "the stream itself is held");
    }

    #[test]
    fn networks() {
        assert_eq!(network_of("10.1.2.3".parse().unwrap()), "10.1.2.0/24");
        assert_eq!(
            network_of("2001:db8:1:2:3:4:5:6".parse().unwrap()),
            "2001:db8:1:2::/64"
        );
        assert_eq!(
            network_of("::ffff:10.1.2.3".parse().unwrap()),
            "10.1.2.0/24"
        );
    }

    #[test]
    fn straight_lining() {
        assert!(straight_lined(&[Some(4); 9]));
        assert!(straight_lined(&[Some(1), None, Some(1), Some(1)]));
        assert!(
            !straight_lined(&[Some(4), Some(4)]),
            "too few answers to tell"
        );
        assert!(!straight_lined(&[Some(4), Some(3), Some(4)]));
        for reason in Reason::ALL {
            assert_eq!(Reason::from_code(reason.code()), Some(reason));
        }
    }
}
