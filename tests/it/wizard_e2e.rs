//! The real binary in a pseudo-terminal, driven as a person would: from the Start screen, a
//! new assessment, every step (a market, two customers with workloads, two people with
//! exams and MCSA), the tier gauges read off the screen and checked against the numbers
//! worked out by hand below, Review, `q`. Then the draft on disk and `cpc-wizard assess` on
//! it must say the same, and the terminal must have been given back.
//!
//! Also: a resize mid-session redraws the whole screen at the new size, a terminal that is
//! too small gets the size message (and comes back when enlarged), a paste lands in the
//! field being edited, and `NO_COLOR` output holds no colour escape.
//!
//! Every wait is for the screen (or the raw output) to show something, bounded by a timeout.
//!
//! The hand-worked expectation (June 2017 rules, developing market):
//! - Fabrikam: delegated admin, Exchange 1,200, SharePoint 800 → counts 1,200 (the highest
//!   workload, not the sum).
//! - 台北資訊: transacting partner, Exchange 300, ProPlus 450 → counts 450.
//! - Active users 1,650. Silver needs 1,000 (developing), Gold 4,000.
//! - Mei Lin: 70-346 + 70-347 → qualifies; Ray Chen: MCSA: Office 365 → qualifies. 2 people;
//!   Silver needs 1, Gold 2.
//! - So Silver is met (1,650 / 1,000, 2 / 1) and Gold is not (1,650 / 4,000, 2 / 2):
//!   2,350 more active users for Gold.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::pty::PtySession;
use assert_cmd::Command;
use cpc_wizard::profile::{Association, Count, Customer, Market, Person, Profile, Workload};

const WAIT: Duration = Duration::from_secs(20);
const BIN: &str = env!("CARGO_BIN_EXE_cpc-wizard");

const PASTE_START: &str = "\x1b[200~";
const PASTE_END: &str = "\x1b[201~";

/// Have/need pairs of the four gauges as the screen shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Gauges {
    silver_users: (u64, u64),
    gold_users: (u64, u64),
    silver_people: (u64, u64),
    gold_people: (u64, u64),
}

/// Every `have / need` pair on a line, left to right ("1,650 / 4,000" → (1650, 4000)).
fn have_need_pairs(line: &str) -> Vec<(u64, u64)> {
    let number = |s: &str| -> Option<u64> {
        let digits: String = s.chars().filter(|c| *c != ',').collect();
        if digits.is_empty() {
            None
        } else {
            digits.parse().ok()
        }
    };
    let parts: Vec<&str> = line.split(" / ").collect();
    let mut pairs = Vec::new();
    for w in parts.windows(2) {
        let have = w[0]
            .rsplit(|c: char| !(c.is_ascii_digit() || c == ','))
            .next()
            .and_then(number);
        let need = w[1]
            .split(|c: char| !(c.is_ascii_digit() || c == ','))
            .next()
            .and_then(number);
        if let (Some(h), Some(n)) = (have, need) {
            pairs.push((h, n));
        }
    }
    pairs
}

/// The gauges panel: the tier line on row 2, active users on row 3, people on row 4.
fn read_gauges(screen: &str) -> Option<Gauges> {
    let lines: Vec<&str> = screen.lines().collect();
    let users = have_need_pairs(lines.get(3)?);
    let people = have_need_pairs(lines.get(4)?);
    match (users.as_slice(), people.as_slice()) {
        ([su, gu], [sp, gp]) => Some(Gauges {
            silver_users: *su,
            gold_users: *gu,
            silver_people: *sp,
            gold_people: *gp,
        }),
        _ => None,
    }
}

struct Wizard {
    session: PtySession,
}

impl Wizard {
    fn start(home: &Path, args: &[&str], extra_env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        let home = home.to_string_lossy().into_owned();
        let mut env = vec![("CPC_WIZARD_HOME", home.as_str()), ("LANG", "C.UTF-8")];
        env.extend_from_slice(extra_env);
        Wizard {
            session: PtySession::spawn(Path::new(BIN), args, &env, cols, rows),
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys);
    }

    fn paste(&mut self, text: &str) {
        self.session
            .send(&format!("{PASTE_START}{text}{PASTE_END}"));
    }

    fn screen(&self) -> String {
        self.session.screen()
    }

    fn expect(&self, text: &str) {
        assert!(
            self.session.wait_for(text, WAIT),
            "the screen never showed {text:?}; it shows:\n{}",
            self.screen()
        );
    }

    fn expect_that(&self, what: &str, done: impl Fn(&str) -> bool) {
        assert!(
            self.session.wait_until(WAIT, done),
            "the screen never showed {what}; it shows:\n{}",
            self.screen()
        );
    }

    /// Waits until the gauges read `want`, then returns what they read.
    fn expect_gauges(&self, want: Gauges) -> Gauges {
        self.session
            .wait_until(WAIT, |s| read_gauges(s) == Some(want));
        let screen = self.screen();
        let got = read_gauges(&screen);
        assert_eq!(got, Some(want), "gauges on screen:\n{screen}");
        want
    }

    /// Waits for the program to end and for its last output to be read.
    fn expect_exit(&mut self) {
        let code = self.session.wait_exit(WAIT);
        assert_eq!(code, Some(0), "exit code; screen:\n{}", self.screen());
        // The reader thread may still be draining the terminal: wait for the restore.
        let deadline = Instant::now() + WAIT;
        while !restored(&self.session.raw_output()) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The raw output leaves the terminal as it found it: after the last time each mode was
/// switched on, it is switched off again, and the output ends with the alternate screen
/// left and the cursor shown.
fn restored(raw: &[u8]) -> bool {
    let off_after_on = |on: &[u8], off: &[u8]| match (find(raw, on), find(raw, off)) {
        (Some(on), Some(off)) => off > on,
        (None, _) => true,
        (Some(_), None) => false,
    };
    off_after_on(b"\x1b[?1049h", b"\x1b[?1049l")
        && off_after_on(b"\x1b[?2004h", b"\x1b[?2004l")
        && off_after_on(b"\x1b[?1000h", b"\x1b[?1000l")
        && off_after_on(b"\x1b[?25l", b"\x1b[?25h")
        && raw.ends_with(b"\x1b[?1049l\x1b[?25h")
}

fn the_expected_draft(name: &str) -> Profile {
    let mut p = Profile::new(name);
    p.market = Some(Market::Developing);
    let mut fabrikam = Customer::new("Fabrikam");
    fabrikam
        .active_users
        .set(Workload::ExchangeOnline, count(1200));
    fabrikam
        .active_users
        .set(Workload::SharepointOnline, count(800));
    let mut taipei = Customer::new("台北資訊");
    taipei.association = Association::TransactingPartner;
    taipei
        .active_users
        .set(Workload::ExchangeOnline, count(300));
    taipei.active_users.set(Workload::Proplus, count(450));
    p.customers = vec![fabrikam, taipei];
    let mut mei = Person::new("Mei Lin");
    mei.exams = vec!["70-346".into(), "70-347".into()];
    let mut ray = Person::new("Ray Chen");
    ray.certifications = vec!["mcsa-office-365".into()];
    p.staff = vec![mei, ray];
    p
}

fn count(n: u64) -> Count {
    Count::new(n).expect("a valid count")
}

/// The drafts in the folder (not settings, locks or temporary files).
fn drafts_in(home: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(home)
        .expect("read drafts folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    out
}

/// The whole walk at one terminal size.
fn walk(cols: u16, rows: u16) {
    let home = tempfile::tempdir().expect("temp home");
    let mut w = Wizard::start(home.path(), &[], &[], cols, rows);

    // Start: nothing saved yet; a new assessment.
    w.expect("No saved drafts yet.");
    w.send("n");
    w.expect("Name of the new assessment:");
    let name = "E2E Partner 台北";
    w.send(name);
    w.send("\r");

    // Market: developing (the second choice).
    w.expect("[1 Market]");
    w.expect(name);
    w.expect_gauges(Gauges {
        silver_users: (0, 2000),
        gold_users: (0, 4000),
        silver_people: (0, 1),
        gold_people: (0, 2),
    });
    w.send("j ");
    w.expect("(*) developing market");
    w.expect_gauges(Gauges {
        silver_users: (0, 1000),
        gold_users: (0, 4000),
        silver_people: (0, 1),
        gold_people: (0, 2),
    });

    // Customers: the first name is pasted into the new row's name field, then Tab walks
    // to Exchange Online (past association and trial, left as they are).
    w.send("]");
    w.expect("[2 Customers]");
    w.expect("No customers yet");
    w.send("a");
    w.expect_that("the name field being edited", |s| s.contains("Ctrl-U"));
    w.paste("Fabrikam");
    w.expect("Fabrikam");
    w.send("\t\t\t1200\t800\r");
    w.expect_gauges(Gauges {
        silver_users: (1200, 1000),
        gold_users: (1200, 4000),
        silver_people: (0, 1),
        gold_people: (0, 2),
    });

    // The second customer: typed Chinese name, association picked from the list, Exchange
    // Online and ProPlus.
    w.send("a");
    w.expect_that("a second row being edited", |s| s.contains("Ctrl-U"));
    w.send("台北資訊\t\r");
    // The picker's entries are too long for the table's association column.
    w.expect("Digital Partner of Record");
    w.send("j\r");
    w.expect_that("the picker closed", |s| {
        !s.contains("Digital Partner of Record")
    });
    w.send("\t\t300\t\t\t\t450\r");
    let after_customers = w.expect_gauges(Gauges {
        silver_users: (1650, 1000),
        gold_users: (1650, 4000),
        silver_people: (0, 1),
        gold_people: (0, 2),
    });
    assert_eq!(after_customers.silver_users.0, 1200 + 450);

    // Staff: Mei Lin by the two exams, Ray Chen (pasted name) by the MCSA.
    w.send("]");
    w.expect("[3 Staff]");
    w.send("a");
    w.expect_that("the name field being edited", |s| s.contains("Ctrl-U"));
    w.send("Mei Lin\r");
    w.expect_that("the name confirmed", |s| !s.contains("Ctrl-U"));
    w.send("l l ");
    w.expect_gauges(Gauges {
        silver_users: (1650, 1000),
        gold_users: (1650, 4000),
        silver_people: (1, 1),
        gold_people: (1, 2),
    });
    w.send("a");
    w.expect_that("a second person being edited", |s| s.contains("Ctrl-U"));
    w.paste("Ray Chen");
    w.expect("Ray Chen");
    w.send("\r");
    w.expect_that("the name confirmed", |s| !s.contains("Ctrl-U"));
    w.send("lll ");
    let final_gauges = w.expect_gauges(Gauges {
        silver_users: (1650, 1000),
        gold_users: (1650, 4000),
        silver_people: (2, 1),
        gold_people: (2, 2),
    });

    // Review: Silver met, Gold not, and the gap in words.
    w.send("]");
    w.expect("[4 Review]");
    w.expect("Highest tier reached: Silver");
    w.expect("2,350 more active users for Gold");
    let screen = w.screen();
    let tiers = screen.lines().nth(2).unwrap_or_default();
    assert!(tiers.contains("Silver  ✓ met"), "{tiers}");
    assert!(tiers.contains("Gold  ✗ not met"), "{tiers}");
    assert_eq!(read_gauges(&screen), Some(final_gauges));

    // Quit with q (it saves first), and the terminal is given back.
    w.send("q");
    w.expect_exit();
    let raw = w.session.raw_output();
    assert!(
        restored(&raw),
        "terminal not restored; output ends with {:?}",
        String::from_utf8_lossy(&raw[raw.len().saturating_sub(120)..])
    );

    // The draft on disk is what was typed.
    let drafts = drafts_in(home.path());
    assert_eq!(drafts.len(), 1, "drafts: {drafts:?}");
    let saved = cpc_wizard::store::load(&drafts[0]).expect("the saved draft loads");
    assert_eq!(saved, the_expected_draft(name));

    // `assess` on that draft says what the gauges said.
    let out = Command::new(BIN)
        .args(["assess", &drafts[0].to_string_lossy(), "--format", "json"])
        .env("CPC_WIZARD_HOME", home.path())
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run assess");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["active_entitlements"], 1650);
    assert_eq!(json["qualified_people"], 2);
    assert_eq!(json["highest_tier"], "silver");
    assert_eq!(json["market"], "developing");
    let tier = |name: &str| -> (Gauges, bool) {
        let tiers = json["tiers"].as_array().expect("tiers");
        let t = tiers
            .iter()
            .find(|t| t["tier"] == name)
            .expect("tier in JSON");
        let pair = |req: &str| {
            (
                t[req]["have"].as_u64().expect("have"),
                t[req]["need"].as_u64().expect("need"),
            )
        };
        let g = Gauges {
            silver_users: pair("entitlements"),
            gold_users: (0, 0),
            silver_people: pair("people"),
            gold_people: (0, 0),
        };
        (g, t["met"].as_bool().expect("met"))
    };
    let (silver, silver_met) = tier("silver");
    let (gold, gold_met) = tier("gold");
    assert_eq!(silver.silver_users, final_gauges.silver_users);
    assert_eq!(silver.silver_people, final_gauges.silver_people);
    assert_eq!(gold.silver_users, final_gauges.gold_users);
    assert_eq!(gold.silver_people, final_gauges.gold_people);
    assert!(silver_met);
    assert!(!gold_met);
}

#[test]
fn a_new_assessment_walked_through_every_screen_at_80x24() {
    walk(80, 24);
}

#[test]
fn a_new_assessment_walked_through_every_screen_at_120x40() {
    walk(120, 40);
}

/// A draft written beside the test, opened with `edit` (on Review: it is complete).
fn contoso_home() -> (tempfile::TempDir, String) {
    let home = tempfile::tempdir().expect("temp home");
    let path = home.path().join("contoso.json");
    std::fs::copy("tests/fixtures/contoso.json", &path).expect("copy fixture");
    (home, path.to_string_lossy().into_owned())
}

#[test]
fn a_resize_mid_session_redraws_at_the_new_size_and_too_small_says_so() {
    let (home, draft) = contoso_home();
    let mut w = Wizard::start(home.path(), &["edit", &draft], &[], 80, 24);
    w.expect("[4 Review]");
    w.send("[[");
    w.expect("[2 Customers]");
    let footer_last = |rows: usize| {
        move |s: &str| {
            let lines: Vec<&str> = s.lines().collect();
            lines.len() == rows && lines[rows - 1].contains("q quit")
        }
    };
    w.expect_that("the footer on row 24", footer_last(24));

    // Wider and taller: the footer moves to the new last row, and the wide layout's
    // reason column appears.
    w.session.resize(120, 40);
    w.expect_that("the footer on row 40", footer_last(40));
    w.expect("trial subscription");
    let screen = w.screen();
    assert!(
        screen
            .lines()
            .next()
            .unwrap_or_default()
            .contains("cpc-wizard")
    );
    assert!(
        read_gauges(&screen).is_some(),
        "gauges after resize:\n{screen}"
    );

    // Too small: the message says how large it must be, and nothing else is drawn.
    w.session.resize(60, 15);
    w.expect("The terminal is 60x15");
    w.expect("at least 70x18");
    assert!(!w.screen().contains("q quit"), "{}", w.screen());

    // Back to a usable size: the screen comes back, and the program still answers keys.
    w.session.resize(80, 24);
    w.expect_that("the footer on row 24 again", footer_last(24));
    w.expect("[2 Customers]");
    w.send("]");
    w.expect("[3 Staff]");
    w.send("q");
    w.expect_exit();
    assert!(restored(&w.session.raw_output()));
}

/// The first frame is drawn without ratatui's Terminal, which is made for the second: the
/// second frame is written as what differs from the first, so whatever the first frame
/// showed where the second shows nothing must be gone.
#[test]
fn the_frame_after_the_first_leaves_nothing_of_it_behind() {
    let (home, draft) = contoso_home();
    let mut w = Wizard::start(home.path(), &["edit", &draft], &[], 80, 24);
    w.expect("[4 Review]");
    w.expect("Highest tier reached");
    w.send("[");
    w.expect("[3 Staff]");
    w.session
        .settle(Duration::from_millis(300), Duration::from_secs(10));
    let screen = w.screen();
    assert!(
        !screen.contains("Highest tier reached") && !screen.contains("[4 Review]"),
        "the Review screen left behind:\n{screen}"
    );
    w.send("q");
    w.expect_exit();
}

/// A resize before any key: the Terminal is made at the new size, and the first frame,
/// drawn at the old one, is cleared away and the screen drawn whole again.
#[test]
fn a_resize_before_the_first_key_redraws_the_whole_screen() {
    let (home, draft) = contoso_home();
    let mut w = Wizard::start(home.path(), &["edit", &draft], &[], 80, 24);
    w.expect_that("the first frame's footer on row 24", |s| {
        s.lines().count() == 24 && s.lines().last().is_some_and(|l| l.contains("? help"))
    });
    w.session.resize(120, 40);
    w.expect_that("the footer on row 40", |s| {
        s.lines().count() == 40 && s.lines().last().is_some_and(|l| l.contains("? help"))
    });
    w.session
        .settle(Duration::from_millis(300), Duration::from_secs(10));
    let screen = w.screen();
    assert_eq!(
        screen.matches("? help").count(),
        1,
        "the first frame's footer left on row 24:\n{screen}"
    );
    w.send("[");
    w.expect("[3 Staff]");
    w.send("q");
    w.expect_exit();
    assert!(restored(&w.session.raw_output()));
}

/// The cursor once a typed-in field has settled on the screen: where it is and whether
/// it is shown.
fn settled_cursor(w: &Wizard) -> ((u16, u16), bool) {
    w.session
        .settle(Duration::from_millis(300), Duration::from_secs(10));
    w.session.cursor()
}

/// A frame after a resize is written whole over the cleared screen, its cells before the
/// cursor's commands: the cursor is back in the field being typed in, where a start at
/// that size puts it.
#[test]
fn after_a_resize_the_cursor_is_back_in_the_field_being_typed_in() {
    // The Start screen at `cols` x `rows`, naming a new assessment.
    let naming = |home: &Path, cols, rows| {
        let mut w = Wizard::start(home, &[], &[], cols, rows);
        w.expect("New assessment");
        w.send("n");
        w
    };
    let home = tempfile::tempdir().expect("temp home");
    let mut resized = naming(home.path(), 100, 30);
    let before = settled_cursor(&resized);
    assert!(
        before.1,
        "a cursor in the name field:\n{}",
        resized.screen()
    );
    resized.session.resize(80, 24);
    resized.expect_that("the frame at 80x24", |s| s.lines().count() == 24);
    let after = settled_cursor(&resized);

    let other_home = tempfile::tempdir().expect("temp home");
    let fresh = naming(other_home.path(), 80, 24);
    let expected = settled_cursor(&fresh);
    assert!(expected.1, "{}", fresh.screen());
    assert_eq!(after, expected, "resized:\n{}", resized.screen());
    for mut w in [resized, fresh] {
        w.send("\x1b");
        w.expect_that("the prompt closed", |s| s.contains("New assessment"));
        w.send("q");
        w.expect_exit();
    }
}

#[test]
fn a_terminal_too_small_from_the_start_shows_the_size_message() {
    let home = tempfile::tempdir().expect("temp home");
    let mut w = Wizard::start(home.path(), &[], &[], 50, 10);
    w.expect("The terminal is 50x10");
    // Keys still work while too small: q leaves cleanly.
    w.send("q");
    w.expect_exit();
    assert!(restored(&w.session.raw_output()));
}

#[test]
fn a_paste_goes_into_the_field_being_edited_and_nowhere_else() {
    let (home, draft) = contoso_home();
    let mut w = Wizard::start(home.path(), &["edit", &draft], &[], 120, 40);
    w.expect("[4 Review]");
    w.send("[[");
    w.expect("[2 Customers]");
    // A paste outside a field is never taken as keys (the `q` would quit, the `d` would ask
    // to delete): on the selected name cell it opens the edit with the pasted text.
    w.paste("qd]");
    w.expect_that("the paste in the name field being edited", |s| {
        s.contains("qd]") && s.contains("Ctrl-U")
    });
    // Edit Fabrikam's name: clear it, paste a new one (with a newline and an escape, which
    // are not typed into a name).
    w.send("\x15");
    w.paste("Fabrikam 台灣\n\x1b[31m");
    w.expect("Fabrikam 台灣");
    w.send("\r");
    w.expect_that("the edit confirmed", |s| !s.contains("Ctrl-U"));
    // Pasted digits (with thousands separators) into Exchange Online.
    w.send("lll\r\x15");
    w.paste("2,500");
    w.send("\r");
    w.expect("2,500");
    w.send("q");
    w.expect_exit();
    let saved = cpc_wizard::store::load(Path::new(&draft)).expect("draft loads");
    assert!(
        saved.customers[0].name.starts_with("Fabrikam 台灣"),
        "{:?}",
        saved.customers[0].name
    );
    assert!(!saved.customers[0].name.contains('\x1b'));
    assert_eq!(
        saved.customers[0]
            .active_users
            .get(Workload::ExchangeOnline),
        count(2500)
    );
    // Nothing else changed: same customers, same screen the paste outside a field met.
    assert_eq!(saved.customers.len(), 5);
    assert_eq!(saved.staff.len(), 3);
}

/// Every SGR parameter list in `raw`, e.g. "1;38;5;9" for `ESC [ 1;38;5;9 m`.
fn sgr_sequences(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut out = Vec::new();
    let mut rest: &str = &text;
    while let Some(i) = rest.find("\x1b[") {
        rest = &rest[i + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            out.push(rest[..end].to_string());
        }
        rest = &rest[end..];
    }
    out
}

/// Whether an SGR parameter list sets a colour (foreground, background or underline);
/// resets to the default colour (39, 49, 59) are not colours.
fn sets_colour(params: &str) -> bool {
    params
        .split([';', ':'])
        .map(|p| p.parse::<u16>().unwrap_or(0))
        .any(|p| matches!(p, 30..=38 | 40..=48 | 58 | 90..=97 | 100..=107))
}

fn walk_every_screen_raw(extra_env: &[(&str, &str)]) -> Vec<u8> {
    let (home, draft) = contoso_home();
    let mut w = Wizard::start(home.path(), &["edit", &draft], extra_env, 120, 40);
    w.expect("[4 Review]");
    for step in ["[3 Staff]", "[2 Customers]", "[1 Market]"] {
        w.send("[");
        w.expect(step);
    }
    // The help overlay and an open picker too.
    w.send("?");
    w.expect_that("help", |s| s.contains("Esc/?"));
    w.send("?");
    w.expect_that("help closed", |s| !s.contains("Esc/?"));
    w.send("]l\r");
    w.expect("Digital Partner of Record");
    w.send("\r]]");
    w.expect("[4 Review]");
    w.send("q");
    w.expect_exit();
    w.session.raw_output()
}

#[test]
fn no_color_output_holds_no_colour_escape() {
    // The same walk with colour allowed does use colour, so the check below can fail.
    let coloured = walk_every_screen_raw(&[]);
    assert!(
        sgr_sequences(&coloured).iter().any(|s| sets_colour(s)),
        "the coloured run used no colour: the check would prove nothing"
    );
    let plain = walk_every_screen_raw(&[("NO_COLOR", "1")]);
    let colours: Vec<String> = sgr_sequences(&plain)
        .into_iter()
        .filter(|s| sets_colour(s))
        .collect();
    assert!(
        colours.is_empty(),
        "colour escapes under NO_COLOR: {colours:?}"
    );
    // Still styled in other ways (bold, reverse), so the selection shows.
    assert!(!sgr_sequences(&plain).is_empty());
}

#[test]
fn gauge_lines_are_read_as_have_need_pairs() {
    let line = " Active users ▰▰▰▱ 1,650 / 2,000  82% ✗  Active users ▰▱▱▱ 1,650 / 4,000  41% ✗";
    assert_eq!(have_need_pairs(line), vec![(1650, 2000), (1650, 4000)]);
    let people = " People       ▰▰▰▰         2 / 1 100% ✓  People       ▰▰▰▰         2 / 2 100% ✓";
    assert_eq!(have_need_pairs(people), vec![(2, 1), (2, 2)]);
}

#[test]
fn the_start_screen_lists_the_saved_drafts_and_opens_one() {
    let (home, _draft) = contoso_home();
    let mut w = Wizard::start(home.path(), &[], &[], 80, 24);
    // The list is read just after the first frame; it must still arrive.
    w.expect("Contoso MSP FY18");
    assert!(!w.screen().contains("No saved drafts yet."));
    w.send("j\r");
    w.expect("[4 Review]");
    w.send("q");
    w.expect_exit();
}

/// Keys as an input method and a habit send them, in a real terminal: full-width `」`/`［`
/// move between steps, `/` finds a row, a typed change is undone with `u` and redone with
/// Ctrl-R, `？` opens the keys and `ｑ` quits, and what is left on disk is the redone draft.
#[test]
fn full_width_keys_search_and_undo_in_a_terminal() {
    let (home, draft) = contoso_home();
    let mut w = Wizard::start(home.path(), &["edit", &draft], &[], 80, 24);
    w.expect("[4 Review]");
    w.send("［［");
    w.expect("[2 Customers]");
    w.send("」");
    w.expect("[3 Staff]");
    w.send("[");
    w.expect("[2 Customers]");
    // Search: "adv" finds Adventure Works; Enter keeps it selected.
    w.send("/ＡＤＶ");
    w.expect("Find /");
    w.send("\r");
    // Typed over the selected name: one undo step.
    w.send("Zeta\r");
    w.expect("Zeta");
    w.send("u");
    w.expect("Undone: a change to a cell");
    w.expect("Adventure Works");
    w.send("\x12"); // Ctrl-R
    w.expect("Redone: a change to a cell");
    w.expect("Zeta");
    // Full-width ？ opens the keys, any key closes them; full-width ｑ quits (saving).
    w.send("？");
    w.expect("Keys: ");
    w.send("\x1b");
    w.expect_that("the keys closed", |s| !s.contains("Keys: "));
    w.send("ｑ");
    w.expect_exit();
    let saved = std::fs::read_to_string(&draft).expect("draft saved");
    assert!(saved.contains("\"Zeta\""), "{saved}");
    assert!(!saved.contains("Adventure Works"), "{saved}");
}
