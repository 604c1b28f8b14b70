//! Drawing cost by draft size: one frame at 120x40 (ratatui's TestBackend) of the Customers
//! and Review screens with 10, 1,000 and 10,000 customers, and a keystroke at the same sizes
//! (one digit typed into a cell, the assessment brought up to date for that customer, the
//! frame drawn). Target: under 1 ms each, and nearly the same at every size — drawing
//! follows the visible rows, not the draft.
//!
//! Run: `cargo bench --bench render -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use cpc_wizard::i18n::Lang;
use cpc_wizard::sample;
use cpc_wizard::tui::{App, Screen};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
const SIZES: [usize; 3] = [10, 1_000, 10_000];

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// An in-memory app (nothing written) on a sample draft, at 120x40, on `screen`, with the
/// selection half-way down the customers so the table is scrolled.
fn app_on(customers: usize, screen: Screen) -> App {
    let mut app = App::with_profile(sample::profile(customers), Lang::En);
    app.handle(Event::Resize(WIDTH, HEIGHT));
    app.model.go_to(Screen::Customers);
    for _ in 0..customers / 2 {
        // Faster than pressing Down thousands of times, and the same state.
        app.model.customers.row += 1;
    }
    app.handle(key(KeyCode::Down));
    app.model.go_to(screen);
    app
}

fn terminal() -> Terminal<TestBackend> {
    match Terminal::new(TestBackend::new(WIDTH, HEIGHT)) {
        Ok(t) => t,
        Err(e) => panic!("test terminal: {e}"),
    }
}

fn bench_frames(c: &mut Criterion) {
    for (name, screen) in [
        ("frame_customers_120x40", Screen::Customers),
        ("frame_review_120x40", Screen::Review),
    ] {
        let mut group = c.benchmark_group(name);
        for n in SIZES {
            let app = app_on(n, screen);
            let mut terminal = terminal();
            group.bench_with_input(BenchmarkId::from_parameter(n), &app, |b, app| {
                b.iter(|| {
                    // Clear the previous frame so each draw writes every cell again, as
                    // after a resize (the worst case for the diff that follows).
                    let _ = terminal.clear();
                    let _ = terminal.draw(|frame| app.draw(black_box(frame)));
                })
            });
        }
        group.finish();
    }
    // Review's Outlook view, every customer with usage-report figures: the outlook is
    // worked out from the whole draft on each frame.
    let mut group = c.benchmark_group("frame_review_outlook_120x40");
    for n in SIZES {
        let mut app = app_on(n, Screen::Review);
        if let Some(d) = &mut app.model.draft {
            for c in &mut d.profile.customers {
                for w in cpc_wizard::profile::Workload::ALL {
                    let active = c.active_users.get(w);
                    let more = cpc_wizard::profile::Count::new(u64::from(active.get()) + 50).ok();
                    c.licensed_users.set(w, more);
                    c.active_users_in_7_days.set(w, Some(active));
                }
            }
        }
        app.model.review.outlook = true;
        let mut terminal = terminal();
        group.bench_with_input(BenchmarkId::from_parameter(n), &app, |b, app| {
            b.iter(|| {
                let _ = terminal.clear();
                let _ = terminal.draw(|frame| app.draw(black_box(frame)));
            })
        });
    }
    group.finish();
}

/// One keystroke in a number cell and the frame after it, as the event loop does: the
/// digit changes the draft (and its assessment), then the screen is drawn. Alternates a
/// digit and Backspace so the draft stays the same size from one iteration to the next.
fn bench_keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke_customers_120x40");
    for n in SIZES {
        let mut app = app_on(n, Screen::Customers);
        // Exchange Online column, editing.
        for _ in 0..3 {
            app.handle(key(KeyCode::Right));
        }
        app.handle(key(KeyCode::Enter));
        let mut terminal = terminal();
        let mut typed = false;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                let k = if typed {
                    KeyCode::Backspace
                } else {
                    KeyCode::Char('7')
                };
                typed = !typed;
                if app.handle(key(k)) {
                    let _ = terminal.draw(|frame| app.draw(frame));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_frames, bench_keystroke);
criterion_main!(benches);
