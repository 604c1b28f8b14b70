//! `from_json`'s fast path: a draft as the program writes it, read in one pass over its
//! bytes. serde spends most of its time on such a draft skipping indentation and matching
//! keys; here a line's indentation is skipped eight bytes at a time and a key is matched in
//! place against the known names, the one the program writes next tried first. Anything
//! this reader does not expect (a field it does not know or finds twice, a number that is
//! not a plain whole number, a value of another type, text after the draft...) and it gives
//! up with `None`: serde then reads the draft and names any problem. So it never makes an
//! error, and takes only what serde's readers take, to the same values (through the same
//! checks: `Count::new`, the `from_id`s, `ReportDate::parse`).

use std::borrow::Cow;

use serde_json::Value;

use super::kept_fields::{CUSTOMER_FIELDS, Header, OnePass, PERSON_FIELDS, TOP_FIELDS};
use super::{
    ActiveUsers, Association, Count, Counting, Customer, EDITIONS, Market, OtherFields, Person,
    ReportDate, Source, SourceKind, Workload, WorkloadFigures,
};

/// A `source`'s fields, as its derived reader names them.
const SOURCE_FIELDS: &[&str] = &["kind", "file", "report_date"];

/// The keys of `active_users` and the report figures, in the order of `Workload::ALL`.
const WORKLOAD_IDS: [&str; 5] = {
    let mut ids = [""; 5];
    let mut i = 0;
    while i < ids.len() {
        ids[i] = Workload::ALL[i].id();
        i += 1;
    }
    ids
};

/// The draft in `text`, or `None` when it holds anything this reader leaves to serde.
pub(super) fn read(text: &str) -> Option<OnePass> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    reader.skip_space();
    let draft = reader.draft()?;
    reader.skip_space();
    (reader.at == reader.bytes.len()).then_some(draft)
}

const EIGHT_SPACES: u64 = u64::from_le_bytes([b' '; 8]);
const EIGHT_ONES: u64 = u64::from_le_bytes([1; 8]);
const EIGHT_HIGH_BITS: u64 = u64::from_le_bytes([0x80; 8]);

/// The text and the position of the next byte to read (never past its end). Each value
/// reader starts at the value's first byte and stops just after its last.
struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }

    /// JSON's whitespace. Between a draft's tokens there is most often none: that is
    /// checked where the reader stands, without a call.
    #[inline(always)]
    fn skip_space(&mut self) {
        if self.bytes.get(self.at).is_some_and(|byte| *byte <= b' ') {
            self.skip_lines();
        }
    }

    /// Whitespace: most often a line's end and the next line's indentation, whose spaces
    /// are counted eight at a time.
    #[inline(never)]
    fn skip_lines(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(word) = self.rest().first_chunk::<8>() {
                // The first byte that is not a space is the lowest set byte of the
                // difference; none in eight (64 zeros) moves on by eight.
                let other = u64::from_le_bytes(*word) ^ EIGHT_SPACES;
                self.at += (other.trailing_zeros() / 8) as usize;
            }
        }
    }

    fn next_byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next_byte()? == byte).then_some(())
    }

    /// Reads `word` if the text goes on with it.
    fn eat(&mut self, word: &[u8]) -> bool {
        let found = self.rest().starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    /// After an item of an object or a list: true when another follows, false at `close`.
    fn more(&mut self, close: u8) -> Option<bool> {
        self.skip_space();
        let more = match self.next_byte()? {
            b',' => true,
            byte if byte == close => false,
            _ => return None,
        };
        self.skip_space();
        Some(more)
    }

    /// An object whose keys are all among `names` (at most 32), each given once; `field`
    /// reads the value of the field with that index.
    fn object(
        &mut self,
        names: &[&str],
        mut field: impl FnMut(&mut Self, usize) -> Option<()>,
    ) -> Option<()> {
        self.expect(b'{')?;
        self.skip_space();
        if self.eat(b"}") {
            return Some(());
        }
        let (mut seen, mut next) = (0u32, 0);
        loop {
            // The program writes the fields in the order of `names`: the one after the
            // last is tried first.
            let index = self.key(names, next)?;
            next = index + 1;
            let bit = 1u32.checked_shl(u32::try_from(index).ok()?)?;
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            // The writer's `": "`, else any spacing around the colon.
            if !self.eat(b": ") {
                self.skip_space();
                self.expect(b':')?;
            }
            self.skip_space();
            field(self, index)?;
            if !self.more(b'}')? {
                return Some(());
            }
        }
    }

    /// A key that is one of `names` (trying them from `first` on), as its index. A key
    /// with an escape matches none (no name needs one) and is left to serde.
    fn key(&mut self, names: &[&str], first: usize) -> Option<usize> {
        self.expect(b'"')?;
        let rest = self.rest();
        for step in 0..names.len() {
            let index = match first + step {
                index if index < names.len() => index,
                index => index - names.len(),
            };
            let name = names.get(index)?.as_bytes();
            if rest.get(name.len()) == Some(&b'"') && rest.starts_with(name) {
                self.at += name.len() + 1;
                return Some(index);
            }
        }
        None
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect(b'[')?;
        self.skip_space();
        let mut items = Vec::new();
        if self.eat(b"]") {
            return Some(items);
        }
        loop {
            items.push(item(self)?);
            if !self.more(b']')? {
                return Some(items);
            }
        }
    }

    /// `null` as absent, or the value `read` reads.
    fn nullable<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.eat(b"null") {
            return Some(None);
        }
        read(self).map(Some)
    }

    fn boolean(&mut self) -> Option<bool> {
        if self.eat(b"true") {
            Some(true)
        } else if self.eat(b"false") {
            Some(false)
        } else {
            None
        }
    }

    /// Digits only, without a leading zero (as JSON requires), at most 19 (within u64).
    fn whole_number(&mut self) -> Option<u64> {
        let rest = self.rest();
        let (mut value, mut digits) = (0u64, 0);
        for byte in rest {
            if !byte.is_ascii_digit() {
                break;
            }
            if digits == 19 {
                return None;
            }
            value = value * 10 + u64::from(byte - b'0');
            digits += 1;
        }
        if digits == 0 || (digits > 1 && rest.first() == Some(&b'0')) {
            return None;
        }
        self.at += digits;
        Some(value)
    }

    #[inline]
    fn count(&mut self) -> Option<Count> {
        Count::new(self.whole_number()?).ok()
    }

    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.expect(b'"')?;
        let start = self.at;
        let length = plain_run(self.rest())?;
        self.at += length;
        match self.next_byte()? {
            b'"' => self.text.get(start..start + length).map(Cow::Borrowed),
            b'\\' => self.escaped(start).map(Cow::Owned),
            _ => None,
        }
    }

    fn owned_string(&mut self) -> Option<String> {
        self.string().map(Cow::into_owned)
    }

    /// The rest of a string that has escapes, from `start`; the reader is just past the
    /// first backslash.
    #[cold]
    #[inline(never)]
    fn escaped(&mut self, start: usize) -> Option<String> {
        let mut text = String::from(self.text.get(start..self.at - 1)?);
        loop {
            let unescaped = match self.next_byte()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => self.unicode_escape()?,
                _ => return None,
            };
            text.push(unescaped);
            let run = self.at;
            let length = plain_run(self.rest())?;
            self.at += length;
            text.push_str(self.text.get(run..run + length)?);
            match self.next_byte()? {
                b'"' => return Some(text),
                b'\\' => {}
                _ => return None,
            }
        }
    }

    /// `\uXXXX`, or a pair of them for a character beyond the first 65,536.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            // A trailing surrogate alone is no character: `from_u32` refuses it.
            return char::from_u32(first);
        }
        if !self.eat(b"\\u") {
            return None;
        }
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return None;
        }
        char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.rest().get(..4)?;
        let mut value = 0;
        for digit in digits {
            value = value * 16 + char::from(*digit).to_digit(16)?;
        }
        self.at += 4;
        Some(value)
    }

    fn draft(&mut self) -> Option<OnePass> {
        let (mut format, mut version, mut name, mut edition) = (None, None, None, None);
        let (mut market, mut counting) = (None, Counting::default());
        let (mut customers, mut staff) = (Vec::new(), Vec::new());
        self.object(TOP_FIELDS, |r, index| {
            match index {
                0 => format = r.nullable(Self::owned_string)?.map(Value::String),
                1 => version = r.nullable(Self::whole_number)?.map(Value::from),
                2 => name = Some(r.owned_string()?),
                3 => edition = r.nullable(Self::edition)?,
                4 => market = r.nullable(Self::market)?,
                5 => counting = r.nullable(Self::counting)?.unwrap_or_default(),
                6 => customers = r.list(Self::customer)?,
                _ => staff = r.list(Self::person)?,
            }
            Some(())
        })?;
        Some(OnePass {
            header: Header {
                format,
                version,
                other: OtherFields::new(),
            },
            name: name?,
            edition,
            market,
            counting,
            customers,
            staff,
        })
    }

    /// One of the built-in editions, as `known_edition` takes it.
    fn edition(&mut self) -> Option<String> {
        let edition = self.owned_string()?;
        EDITIONS.contains(&edition.as_str()).then_some(edition)
    }

    fn market(&mut self) -> Option<Market> {
        let id = self.string()?;
        Market::ALL.into_iter().find(|m| m.id() == id)
    }

    fn counting(&mut self) -> Option<Counting> {
        Counting::from_id(&self.string()?)
    }

    fn customer(&mut self) -> Option<Customer> {
        let (mut name, mut association, mut trial) = (None, Association::default(), false);
        let (mut active_users, mut tenant_domain, mut source) =
            (ActiveUsers::default(), None, None);
        let (mut licensed_users, mut active_users_in_7_days) = Default::default();
        self.object(CUSTOMER_FIELDS, |r, index| {
            match index {
                0 => name = Some(r.owned_string()?),
                1 => association = Association::from_id(&r.string()?)?,
                2 => trial = r.boolean()?,
                3 => active_users = r.active_users()?,
                4 => tenant_domain = r.nullable(Self::owned_string)?,
                5 => source = r.nullable(Self::source)?.map(Box::new),
                6 => licensed_users = r.nullable(Self::figures)?.unwrap_or_default(),
                _ => active_users_in_7_days = r.nullable(Self::figures)?.unwrap_or_default(),
            }
            Some(())
        })?;
        Some(Customer {
            name: name?,
            association,
            trial,
            active_users,
            tenant_domain,
            source,
            licensed_users,
            active_users_in_7_days,
            other: OtherFields::new(),
        })
    }

    fn active_users(&mut self) -> Option<ActiveUsers> {
        let mut users = ActiveUsers::default();
        self.object(&WORKLOAD_IDS, |r, index| {
            users.set(Workload::ALL[index], r.count()?);
            Some(())
        })?;
        Some(users)
    }

    fn figures(&mut self) -> Option<WorkloadFigures> {
        let mut figures = WorkloadFigures::default();
        self.object(&WORKLOAD_IDS, |r, index| {
            figures.set(Workload::ALL[index], Some(r.count()?));
            Some(())
        })?;
        Some(figures)
    }

    fn source(&mut self) -> Option<Source> {
        let (mut kind, mut file, mut report_date) = (None, None, None);
        self.object(SOURCE_FIELDS, |r, index| {
            match index {
                0 => kind = Some(SourceKind::from_id(&r.string()?)?),
                1 => file = r.nullable(Self::owned_string)?,
                _ => report_date = r.nullable(|r| ReportDate::parse(&r.string()?))?,
            }
            Some(())
        })?;
        Some(Source {
            kind: kind?,
            file,
            report_date,
        })
    }

    fn person(&mut self) -> Option<Person> {
        let (mut name, mut exams, mut certifications) = (None, Vec::new(), Vec::new());
        let (mut email, mut source) = (None, None);
        self.object(PERSON_FIELDS, |r, index| {
            match index {
                0 => name = Some(r.owned_string()?),
                1 => exams = r.list(Self::owned_string)?,
                2 => certifications = r.list(Self::owned_string)?,
                3 => email = r.nullable(Self::owned_string)?,
                _ => source = r.nullable(Self::source)?.map(Box::new),
            }
            Some(())
        })?;
        Some(Person {
            name: name?,
            exams,
            certifications,
            email,
            source,
            other: OtherFields::new(),
        })
    }
}

/// How many bytes of plain text start `bytes`: up to a string's closing quote, an escape,
/// or a control character (which JSON does not allow in a string). Eight at a time.
fn plain_run(bytes: &[u8]) -> Option<usize> {
    let mut length = 0;
    while let Some(word) = bytes.get(length..).and_then(|rest| rest.first_chunk::<8>()) {
        let word = u64::from_le_bytes(*word);
        let stops = bytes_below(word, b' ')
            | bytes_below(word ^ u64::from_le_bytes([b'"'; 8]), 1)
            | bytes_below(word ^ u64::from_le_bytes([b'\\'; 8]), 1);
        if stops != 0 {
            return Some(length + (stops.trailing_zeros() / 8) as usize);
        }
        length += 8;
    }
    let tail = bytes.get(length..)?;
    let stop = |byte: &u8| *byte < b' ' || *byte == b'"' || *byte == b'\\';
    tail.iter().position(stop).map(|n| length + n)
}

/// The high bit set in each byte of `word` below `limit` (at most 128). Exact for the
/// lowest such byte, which is all `plain_run` asks: a borrow can mark bytes above it.
fn bytes_below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(EIGHT_ONES * u64::from(limit)) & !word & EIGHT_HIGH_BITS
}

#[cfg(test)]
mod tests;
