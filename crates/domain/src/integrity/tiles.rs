//! Paths of the log's tiles and entry bundles (`c2sp.org/tlog-tiles`):
//! `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`, `<N>` in groups of three digits,
//! all but the last prefixed with `x` (1234067 is `x001/x234/067`).

use super::merkle::TILE_WIDTH;

/// A tile (`level` 0 holds leaf hashes) or, with `level` `None`, an entry bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TilePath {
    pub level: Option<u32>,
    pub index: u64,
    /// 256 for a full tile, less for the partial one at the tree's right edge.
    pub width: u64,
}

impl TilePath {
    /// Reads what follows `tile/`; `None` for anything the specification does not write.
    pub fn parse(path: &str) -> Option<TilePath> {
        let (kind, rest) = path.split_once('/')?;
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(kind) && kind != "entries" {
            return None;
        }
        let level = match kind {
            "entries" => None,
            _ if kind == "0" || !kind.starts_with('0') => {
                Some(kind.parse::<u32>().ok().filter(|l| *l <= 63)?)
            }
            _ => return None,
        };
        let (index, width) = match rest.split_once(".p/") {
            Some((index, width)) => {
                let w = Some(width)
                    .filter(|w| digits(w))
                    .and_then(|w| w.parse::<u64>().ok())
                    .filter(|w| (1..TILE_WIDTH).contains(w))?;
                (index, (!width.starts_with('0')).then_some(w)?)
            }
            None => (rest, TILE_WIDTH),
        };
        let groups: Vec<&str> = index.split('/').collect();
        let (last, before) = groups.split_last()?;
        let mut n: u64 = 0;
        for (i, group) in before
            .iter()
            .map(|g| g.strip_prefix('x'))
            .chain([Some(*last)])
            .enumerate()
        {
            let digits = group.filter(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))?;
            // No leading zero groups: 5 is `005`, not `x000/005`.
            if i == 0 && digits == "000" && !before.is_empty() {
                return None;
            }
            n = n
                .checked_mul(1000)?
                .checked_add(digits.parse::<u64>().ok()?)?;
        }
        Some(TilePath {
            level,
            index: n,
            width,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::TilePath;

    #[test]
    fn the_specifications_paths_read_and_nothing_else() {
        let tile = |l, index, width| {
            Some(TilePath {
                level: l,
                index,
                width,
            })
        };
        assert_eq!(
            TilePath::parse("0/x001/x234/067"),
            tile(Some(0), 1_234_067, 256)
        );
        assert_eq!(TilePath::parse("2/000.p/1"), tile(Some(2), 0, 1));
        assert_eq!(TilePath::parse("entries/273.p/112"), tile(None, 273, 112));
        assert_eq!(TilePath::parse("entries/x001/000"), tile(None, 1000, 256));
        for bad in [
            "0/1",
            "0/0001",
            "00/000",
            "64/000",
            "0/x000/005",
            "0/001/234",
            "0/000.p/0",
            "0/000.p/256",
            "0/000.p/012",
            "entries/000.p/",
            "data/000",
            "0/x1a3/000",
            "+1/000",
            "0/000.p/+5",
            "0/",
            "0",
        ] {
            assert_eq!(TilePath::parse(bad), None, "{bad}");
        }
    }
}
