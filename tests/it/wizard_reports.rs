//! Microsoft's reports in through the wizard's `i`: several files at once, quoted paths,
//! the customer asked for a concealed report, the import on its own thread with Esc to
//! stop it, and anything but a regular file refused.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::wizard_common::*;
use cpc_wizard::i18n::Lang;
use cpc_wizard::import::{FileDetail, FileError, ImportError, Kind};
use cpc_wizard::profile::{Profile, SourceKind, Workload};
use cpc_wizard::store::Store;
use cpc_wizard::tui::import_job::{Finished, ImportProgress};
use cpc_wizard::tui::screens::import::{Import, Outcome};
use cpc_wizard::tui::{App, Msg, Screen};
use cpc_wizard::tui::{Effect, Mode, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const ACTIVE: &str = "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products\r\n\
2017-06-30,a@tailspin.onmicrosoft.com,A,False,,True,True,True,False,False,False,2017-06-30,2017-06-05,,,,,,,,,,,E3\r\n\
2017-06-30,b@tailspin.onmicrosoft.com,B,False,,True,False,False,False,False,False,2017-06-10,,,,,,,,,,,,E3\r\n";

const ACTIVATIONS: &str = "Report Refresh Date,User Principal Name,Display Name,Product Type,Last Activated Date,Windows,Mac,Windows 10 Mobile,iOS,Android,Activated On Shared Computer\n\
2017-06-30,a@tailspin.onmicrosoft.com,A,Office 365 ProPlus,2017-06-01,1,0,0,0,0,0\n";

const TRAINING: &str = "TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,Month,IcMCP,MCPID,MPNId,PartnerName,PartnerCityLocation,PartnerCountryLocation\n\
70-346,Managing Office 365 Identities and Requirements,Exam,Mei,Lin,mei@p.com,,2017-03-01,3,1,1,1,P,Taipei,TW\n\
70-347,Enabling Office 365 Services,Exam,Mei,Lin,MEI@P.COM,,2017-04-01,4,1,1,1,P,Taipei,TW\n";

fn on_customers() -> (tempfile::TempDir, std::path::PathBuf, App) {
    let (dir, path, mut app) = app_on_disk(contoso(), Lang::En);
    app.model.go_to(Screen::Customers);
    (dir, path, app)
}

fn type_paths(app: &mut App, typed: &str) {
    press(app, KeyCode::Char('i'));
    assert_eq!(app.model.mode(), Mode::Editing);
    typ(app, typed);
    press(app, KeyCode::Enter);
}

#[test]
fn several_files_one_quoted_import_together_and_are_saved() {
    let (dir, draft_path, mut app) = on_customers();
    let users = write(dir.path(), "users report.csv", ACTIVE);
    let act = write(dir.path(), "act.csv", ACTIVATIONS);
    let before = profile(&app).customers.len();
    type_paths(
        &mut app,
        &format!("\"{}\" {}", users.display(), act.display()),
    );
    let Outcome::Imported(summary) = outcome(&app) else {
        panic!("{:?}", outcome(&app));
    };
    let kinds: Vec<Kind> = summary.files.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [Kind::ActiveUsers, Kind::Activations]);
    let customers = &profile(&app).customers;
    assert_eq!(customers.len(), before + 1, "one tenant, one customer");
    let tailspin = customers.last().expect("added");
    assert_eq!(
        tailspin.tenant_domain.as_deref(),
        Some("tailspin.onmicrosoft.com")
    );
    assert_eq!(tailspin.active_users.exchange_online.get(), 2);
    assert_eq!(tailspin.active_users.proplus.get(), 1);
    assert_eq!(
        tailspin.source.as_deref().and_then(|s| s.file.as_deref()),
        Some("users report.csv")
    );
    assert_eq!(load(&draft_path).customers, *customers, "saved at once");

    let screen = render(&app, 100, 30);
    assert!(
        screen.contains("Office 365 activations (ProPlus)"),
        "{screen}"
    );
    assert!(
        screen.contains("Active users in the 28 days to 2017-06-30"),
        "{screen}"
    );

    // The selected row's source is on the detail line once the panel is closed.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::End);
    let screen = render(&app, 160, 30);
    assert!(
        screen.contains("usage report users report.csv, 2017-06-30"),
        "{screen}"
    );

    // A count typed over the report's: that workload's report figures go, and the
    // numbers are typed now; the other workloads keep theirs.
    typ(&mut app, "lll7");
    press(&mut app, KeyCode::Enter);
    let c = profile(&app).customers.last().expect("row");
    assert_eq!(c.active_users.exchange_online.get(), 7);
    assert_eq!(c.licensed_users.get(Workload::ExchangeOnline), None);
    assert_eq!(c.active_users_in_7_days.get(Workload::ExchangeOnline), None);
    assert!(c.licensed_users.get(Workload::SharepointOnline).is_some());
    assert_eq!(c.source.as_deref().map(|s| s.kind), Some(SourceKind::Typed));
}

#[test]
fn a_concealed_report_asks_for_the_customer() {
    let (dir, _draft_path, mut app) = on_customers();
    let hidden = ACTIVE
        .replace(
            "a@tailspin.onmicrosoft.com",
            "0123456789abcdef0123456789abcdef",
        )
        .replace(
            "b@tailspin.onmicrosoft.com",
            "fedcba9876543210fedcba9876543210",
        );
    let file = write(dir.path(), "hidden.csv", &hidden);
    type_paths(&mut app, &file.display().to_string());
    assert!(
        matches!(app.model.import, Some(Import::Customer { .. })),
        "{:?}",
        app.model.import
    );
    let screen = render(&app, 100, 30);
    assert!(
        screen.contains("User names are concealed in this report: name its customer."),
        "{screen}"
    );
    typ(&mut app, "Wingtip");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(outcome(&app), Outcome::Imported(_)));
    let c = profile(&app).customers.last().expect("added");
    assert_eq!(c.name, "Wingtip");
    assert_eq!(c.tenant_domain, None);
}

#[test]
fn the_import_runs_off_the_key_thread_and_esc_asks_it_to_stop() {
    let (dir, _draft_path, mut app) = on_customers();
    app.save_in_background(true);
    let users = write(dir.path(), "users.csv", ACTIVE);
    type_paths(&mut app, &users.display().to_string());
    // The key was handled without waiting for the import: it runs on its own thread.
    assert!(
        matches!(app.model.import, Some(Import::Running { .. })),
        "{:?}",
        app.model.import
    );
    assert!(app.next_deadline().is_some(), "the loop looks at it again");
    let deadline = Instant::now() + Duration::from_secs(60);
    while matches!(app.model.import, Some(Import::Running { .. })) && Instant::now() < deadline {
        app.tick(Instant::now());
        std::thread::yield_now();
    }
    assert!(matches!(outcome(&app), Outcome::Imported(_)));

    // While it runs, Esc and q ask the thread to stop, and Ctrl-C still quits.
    let mut model = app.model.clone();
    model.import = Some(Import::Running {
        typed: "big.csv".into(),
        progress: ImportProgress::default(),
    });
    for code in [KeyCode::Esc, KeyCode::Char('q')] {
        let effects = update(
            &mut model.clone(),
            Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        );
        assert_eq!(effects, vec![Effect::CancelImport], "{code:?}");
    }
    let effects = update(
        &mut model.clone(),
        Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
    );
    assert!(effects.contains(&Effect::Quit), "{effects:?}");

    // Progress is shown; the thread's answer to a cancel changes nothing.
    update(
        &mut model,
        Msg::ImportProgress(ImportProgress {
            file: "big.csv".into(),
            rows: 123_456,
            percent: 42,
        }),
    );
    let before = model.draft.as_ref().expect("draft").profile.clone();
    let screen = render_model(&model, 80, 24);
    assert!(screen.contains("big.csv: 123,456 rows, 42%"), "{screen}");
    assert!(screen.contains("Esc: cancel"), "{screen}");
    update(
        &mut model,
        Msg::ImportFinished {
            paths: vec!["big.csv".into()],
            customer: None,
            finished: Finished::Refused(vec![FileError {
                file: "big.csv".into(),
                error: ImportError::Cancelled,
            }]),
        },
    );
    assert!(matches!(
        model.import,
        Some(Import::Result {
            outcome: Outcome::Cancelled,
            ..
        })
    ));
    assert_eq!(model.draft.as_ref().expect("draft").profile, before);
    let screen = render_model(&model, 80, 24);
    assert!(
        screen.contains("Cancelled: nothing was imported"),
        "{screen}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_and_the_wizard_goes_on() {
    let (dir, draft_path, mut app) = on_customers();
    let before = load(&draft_path);
    let fifo = dir.path().join("pipe.csv");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    type_paths(&mut app, &fifo.display().to_string());
    match outcome(&app) {
        Outcome::Refused(errors) => assert_eq!(errors[0].error, ImportError::NotRegularFile),
        other => panic!("{other:?}"),
    }
    let screen = render(&app, 100, 30);
    assert!(screen.contains("not a regular file"), "{screen}");
    assert_eq!(load(&draft_path), before);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.model.mode(), Mode::Normal);
}

#[test]
fn from_the_start_screen_a_training_report_makes_a_draft_with_its_people() {
    let dir = tempfile::tempdir().expect("dir");
    let drafts = dir.path().join("drafts");
    let mut app = App::start(Store::new(&drafts), Lang::ZhTw);
    let training = write(dir.path(), "training.csv", TRAINING);
    let users = write(dir.path(), "users.csv", ACTIVE);
    type_paths(
        &mut app,
        &format!("{} {}", training.display(), users.display()),
    );
    let Outcome::Imported(summary) = outcome(&app) else {
        panic!("{:?}", outcome(&app));
    };
    assert!(matches!(
        summary.files[0].detail,
        FileDetail::People { added: 1, .. }
    ));
    let draft = app.model.draft.as_ref().expect("a new draft");
    assert_eq!(draft.profile.name, "training");
    assert_eq!(draft.profile.staff.len(), 1);
    assert_eq!(draft.profile.staff[0].exams, ["70-346", "70-347"]);
    assert_eq!(draft.profile.customers.len(), 1);
    let on_disk: Profile = load(&draft.path);
    assert_eq!(on_disk.staff, draft.profile.staff);
    let screen = render(&app, 100, 30);
    assert!(screen.contains("合作夥伴中心訓練詳細資料"), "{screen}");

    // The Staff screen names the person's source.
    press(&mut app, KeyCode::Esc);
    app.model.go_to(Screen::Staff);
    let screen = render(&app, 100, 30);
    assert!(screen.contains("訓練報告 training.csv"), "{screen}");
    assert_eq!(
        draft_source(&app.model.draft.as_ref().expect("draft").path),
        Some(SourceKind::Training)
    );
}

fn draft_source(path: &Path) -> Option<SourceKind> {
    load(path).staff[0].source.as_deref().map(|s| s.kind)
}

#[test]
fn review_warns_of_a_report_much_older_than_the_newest() {
    use cpc_wizard::profile::{Customer, ReportDate, Source};
    let mut p = contoso();
    for (name, date) in [("Old Co", "2017-05-01"), ("New Co", "2017-06-30")] {
        let mut c = Customer::new(name);
        c.source = Some(Box::new(Source {
            kind: SourceKind::UsageReport,
            file: Some(format!("{name}.csv")),
            report_date: ReportDate::parse(date),
        }));
        p.customers.push(c);
    }
    let mut app = App::with_profile(p, Lang::En);
    app.model.go_to(Screen::Review);
    let screen = render(&app, 160, 40);
    assert!(
        screen.contains(
            "! The report for \"Old Co\" (2017-05-01) is more than 28 days older than the newest one (2017-06-30)"
        ),
        "{screen}"
    );
    assert!(
        !screen.contains("\"New Co\" (2017-06-30) is more"),
        "{screen}"
    );
}

#[test]
fn the_report_summary_panel_in_both_languages() {
    for lang in Lang::ALL {
        let mut app = App::with_profile(contoso(), lang);
        app.model.go_to(Screen::Customers);
        app.send(Msg::CsvRead {
            path: "/data/tailspin-users.csv".into(),
            bytes: ACTIVE.as_bytes().to_vec(),
        });
        insta::assert_snapshot!(
            format!("report_summary_panel_{}", lang.id()),
            render(&app, 80, 24)
        );
    }
}
