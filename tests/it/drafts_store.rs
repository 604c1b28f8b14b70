//! Drafts on disk: two openers, read-only, bad files never rewritten, rename, duplicate,
//! delete, safe names, file modes, clean-up of killed saves.

use std::fs;
use std::time::{Duration, SystemTime};

use cpc_wizard::profile::{Association, Count, Customer, Market, Person, Profile};
use cpc_wizard::store::{self, OpenDraft, Store, StoreError};

fn sample(name: &str) -> Profile {
    let mut p = Profile::new(name);
    p.market = Some(Market::Developed);
    let mut c = Customer::new("Fabrikam");
    c.association = Association::TransactingPartner;
    c.active_users.exchange_online = Count::new(2_100).unwrap();
    p.customers.push(c);
    let mut person = Person::new("Mei Lin");
    person.exams = vec!["70-346".into(), "70-347".into()];
    p.staff.push(person);
    p
}

fn folder() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("drafts"));
    (dir, store)
}

#[test]
fn a_second_opener_is_told_it_is_locked_and_can_read_only() {
    let (_dir, store) = folder();
    let mut first = OpenDraft::create(&store, sample("Contoso")).unwrap();
    let path = first.path().to_path_buf();

    match OpenDraft::open(&path) {
        Err(StoreError::Locked { path: p, holder }) => {
            assert_eq!(p, path);
            assert_eq!(holder.unwrap().pid, std::process::id());
        }
        other => panic!("expected Locked, got {other:?}"),
    }

    let mut second = OpenDraft::open_read_only(&path).unwrap();
    assert!(second.is_read_only());
    assert_eq!(second.profile(), first.profile());
    let before = fs::read(&path).unwrap();
    let mut changed = second.profile().clone();
    changed.market = Some(Market::Developing);
    assert!(matches!(
        second.save(&changed),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(matches!(
        second.rename("Other"),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(matches!(second.delete(), Err(StoreError::ReadOnly { .. })));
    assert_eq!(fs::read(&path).unwrap(), before, "read-only never writes");

    // The editor's saves go through, and the lock goes with it.
    first.save(&changed).unwrap();
    assert_eq!(store::load(&path).unwrap(), changed);
    drop(first);
    let reopened = OpenDraft::open(&path).unwrap();
    assert!(!reopened.is_read_only());
}

#[test]
fn the_locked_message_names_who_holds_it_in_both_languages() {
    use cpc_wizard::i18n::{Lang, Locale};
    let (_dir, store) = folder();
    let first = OpenDraft::create(&store, sample("Contoso")).unwrap();
    let err = OpenDraft::open(first.path()).unwrap_err();
    let pid = std::process::id().to_string();
    let en = cpc_wizard::messages::store_error(Locale::get(Lang::En), &err);
    assert!(
        en.contains("open in another cpc-wizard") && en.contains(&pid),
        "{en}"
    );
    let zh = cpc_wizard::messages::store_error(Locale::get(Lang::ZhTw), &err);
    assert!(zh.contains("唯讀") && zh.contains(&pid), "{zh}");
}

/// Bad files: each is refused with the file (and line where there is one), and its bytes
/// stay exactly as they were, whatever the caller tries.
#[test]
fn bad_files_are_reported_and_never_rewritten() {
    let (_dir, store) = folder();
    fs::create_dir_all(store.dir()).unwrap();
    let cases: &[(&str, &[u8], Option<usize>)] = &[
        (
            "corrupt",
            b"{\"format\": \"cpc-wizard/profile\",\n\"version\": 1,\n\"name\": \"x\",\n\"market\": \"moon\"}",
            Some(4),
        ),
        (
            "truncated",
            b"{\"format\": \"cpc-wizard/profile\",\n\"version\": 1,\n\"name\": \"Contoso\",\n\"custo",
            Some(4),
        ),
        ("empty", b"", None),
        (
            "newer",
            b"{\"format\": \"cpc-wizard/profile\", \"version\": 2, \"name\": \"n\", \"colour\": 1}",
            None,
        ),
        (
            "not-utf8",
            b"{\"format\": \"cpc-wizard/profile\",\n\"version\": 1,\n\"name\": \"\xff\"}",
            Some(3),
        ),
    ];
    for (stem, bytes, line) in cases {
        let path = store.dir().join(format!("{stem}.json"));
        fs::write(&path, bytes).unwrap();

        let err = OpenDraft::open(&path).unwrap_err();
        assert_eq!(err.line(), *line, "{stem}: {err}");
        assert!(err.to_string().contains(&*path.to_string_lossy()), "{err}");
        assert!(OpenDraft::open_read_only(&path).is_err());
        // Neither the plain save nor the rename/duplicate paths write over it.
        assert!(
            matches!(
                store::save(&path, &sample("replacement")),
                Err(StoreError::WontOverwrite { .. })
            ),
            "{stem}"
        );
        assert!(store::rename(&path, "other").is_err());
        assert!(store::duplicate(&path, "other").is_err());
        assert_eq!(fs::read(&path).unwrap(), *bytes, "{stem} unchanged");

        // Starting fresh beside it picks another file.
        let fresh = OpenDraft::create(&store, Profile::new(*stem)).unwrap();
        assert_ne!(fresh.path(), path);
        assert_eq!(fs::read(&path).unwrap(), *bytes, "{stem} unchanged");
    }
    let newer = store.dir().join("newer.json");
    match store::load(&newer) {
        Err(StoreError::Parse { error, .. }) => assert!(matches!(
            *error,
            cpc_wizard::profile::ParseError::NewerVersion {
                found: 2,
                supported: 1
            }
        )),
        other => panic!("expected NewerVersion, got {other:?}"),
    }
    // Listed with their reasons, and the good copies beside them load.
    let list = store.list().unwrap();
    assert_eq!(list.iter().filter(|e| e.profile.is_err()).count(), 5);
    assert_eq!(list.iter().filter(|e| e.profile.is_ok()).count(), 5);
}

#[test]
fn a_file_broken_behind_an_open_draft_is_not_overwritten() {
    let (_dir, store) = folder();
    let mut draft = OpenDraft::create(&store, sample("Contoso")).unwrap();
    let garbage = b"{ half a draft typed by hand";
    fs::write(draft.path(), garbage).unwrap();
    let mut changed = draft.profile().clone();
    changed.market = None;
    assert!(matches!(
        draft.save(&changed),
        Err(StoreError::WontOverwrite { .. })
    ));
    assert!(matches!(
        draft.rename("New"),
        Err(StoreError::WontOverwrite { .. })
    ));
    assert_eq!(fs::read(draft.path()).unwrap(), garbage);
}

#[test]
fn a_profile_that_would_not_load_back_is_not_saved() {
    let (_dir, store) = folder();
    let mut draft = OpenDraft::create(&store, sample("Contoso")).unwrap();
    let before = fs::read(draft.path()).unwrap();
    let mut bad = draft.profile().clone();
    bad.edition = "1999-01".into();
    assert!(matches!(
        draft.save(&bad),
        Err(StoreError::UnknownEdition { .. })
    ));
    assert_eq!(fs::read(draft.path()).unwrap(), before);
}

#[test]
fn awkward_names_stay_inside_the_folder_and_show_as_typed() {
    let (_dir, store) = folder();
    let names = [
        "../../escape",
        "a/b\\c",
        "..",
        ".hidden",
        "bell\u{7} and \u{1b}[31mred",
        "台北資訊 2017 年度",
        "Contoso",
        "con",
        "Report.",
    ];
    for name in names {
        let draft = OpenDraft::create(&store, sample(name)).unwrap();
        assert_eq!(draft.path().parent(), Some(store.dir()), "{name:?}");
        assert!(
            !draft
                .path()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with('.')
        );
        assert_eq!(store::load(draft.path()).unwrap().name, name);
    }
    let mut shown: Vec<String> = store
        .list()
        .unwrap()
        .iter()
        .map(|e| e.display_name())
        .collect();
    shown.sort();
    let mut typed: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    typed.sort();
    assert_eq!(shown, typed);
    assert_eq!(
        store.resolve("台北資訊 2017 年度").unwrap(),
        store.dir().join("台北資訊 2017 年度.json")
    );
}

#[cfg(unix)]
#[test]
fn files_are_owner_only_and_the_new_folder_too() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = folder();
    let mut draft = OpenDraft::create(&store, sample("Contoso")).unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(store.dir()), 0o700);
    assert_eq!(mode(draft.path()), 0o600);
    let mut changed = draft.profile().clone();
    changed.market = None;
    draft.save(&changed).unwrap();
    assert_eq!(mode(draft.path()), 0o600, "after a save");
    draft.rename("Renamed").unwrap();
    assert_eq!(mode(draft.path()), 0o600, "after a rename");
    let copy = draft.duplicate("Copy").unwrap();
    assert_eq!(mode(copy.path()), 0o600, "a duplicate");
}

#[test]
fn rename_moves_the_file_and_its_lock_and_never_replaces_another_draft() {
    let (_dir, store) = folder();
    let other = OpenDraft::create(&store, sample("Fabrikam")).unwrap();
    let other_bytes = fs::read(other.path()).unwrap();
    drop(other);

    let mut draft = OpenDraft::create(&store, sample("Contoso")).unwrap();
    let old_path = draft.path().to_path_buf();
    draft.rename("Contoso / what if").unwrap();
    assert_eq!(draft.path(), store.dir().join("Contoso _ what if.json"));
    assert!(!old_path.exists());
    assert_eq!(store::load(draft.path()).unwrap().name, "Contoso / what if");
    assert_eq!(draft.profile().name, "Contoso / what if");
    assert!(matches!(
        OpenDraft::open(draft.path()),
        Err(StoreError::Locked { .. })
    ));
    // The old name is free again.
    OpenDraft::create(&store, sample("Contoso")).unwrap();

    // Onto another draft's file name: refused, both untouched.
    let before = fs::read(draft.path()).unwrap();
    match draft.rename("Fabrikam") {
        Err(StoreError::NameTaken { path, .. }) => {
            assert_eq!(path, store.dir().join("Fabrikam.json"))
        }
        other => panic!("expected NameTaken, got {other:?}"),
    }
    assert_eq!(
        fs::read(store.dir().join("Fabrikam.json")).unwrap(),
        other_bytes
    );
    assert_eq!(fs::read(draft.path()).unwrap(), before);

    // Same file name, new name: saved in place.
    let path = draft.path().to_path_buf();
    draft.rename("Contoso : what if").unwrap();
    assert_eq!(draft.path(), path);
    assert_eq!(store::load(&path).unwrap().name, "Contoso : what if");

    // A draft open here cannot be renamed from elsewhere.
    assert!(matches!(
        store::rename(&path, "Elsewhere"),
        Err(StoreError::Locked { .. })
    ));
    drop(draft);
    let moved = store::rename(&path, "Elsewhere").unwrap();
    assert_eq!(store::load(&moved).unwrap().name, "Elsewhere");
    assert!(!path.exists());
}

#[test]
fn duplicate_makes_a_what_if_copy_and_keeps_the_original() {
    let (_dir, store) = folder();
    let original = OpenDraft::create(&store, sample("Contoso")).unwrap();
    let original_bytes = fs::read(original.path()).unwrap();

    // Works while the original is open for editing here (or elsewhere).
    let copy = store::duplicate(original.path(), "Contoso (what if)").unwrap();
    let loaded = store::load(&copy).unwrap();
    assert_eq!(loaded.name, "Contoso (what if)");
    assert_eq!(loaded.customers, original.profile().customers);
    assert_eq!(fs::read(original.path()).unwrap(), original_bytes);

    assert!(matches!(
        store::duplicate(original.path(), "Contoso (what if)"),
        Err(StoreError::NameTaken { .. })
    ));
    assert!(matches!(
        original.duplicate("Contoso"),
        Err(StoreError::NameTaken { .. })
    ));
    let mut opened = original.duplicate("Second what if").unwrap();
    assert!(!opened.is_read_only());
    let mut changed = opened.profile().clone();
    changed.customers.clear();
    opened.save(&changed).unwrap();
    assert_eq!(fs::read(original.path()).unwrap(), original_bytes);
}

#[test]
fn delete_refuses_a_draft_open_elsewhere_and_removes_even_a_broken_one() {
    let (_dir, store) = folder();
    let draft = OpenDraft::create(&store, sample("Contoso")).unwrap();
    let path = draft.path().to_path_buf();
    assert!(matches!(
        store::delete(&path),
        Err(StoreError::Locked { .. })
    ));
    assert!(path.exists());
    draft.delete().unwrap();
    assert!(!path.exists());
    assert!(!store::lock_path_for(&path).exists());

    let broken = store.dir().join("broken.json");
    fs::write(&broken, b"{").unwrap();
    store::delete(&broken).unwrap();
    assert!(!broken.exists());
    assert!(store.list().unwrap().is_empty());
}

#[test]
fn saving_an_unchanged_draft_does_not_touch_the_file() {
    let (_dir, store) = folder();
    let mut draft = OpenDraft::create(&store, sample("Contoso")).unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(draft.path())
        .unwrap()
        .set_modified(old)
        .unwrap();
    // The file's time changed under the draft, so this first save checks and writes.
    let same = draft.profile().clone();
    draft.save(&same).unwrap();
    let written = fs::metadata(draft.path()).unwrap().modified().unwrap();
    assert!(written > old);
    fs::File::options()
        .write(true)
        .open(draft.path())
        .unwrap()
        .set_modified(old)
        .unwrap();
    // Let the draft know the file as it is now, then save the same profile again.
    let mut reopened = {
        drop(draft);
        OpenDraft::open(&store.dir().join("Contoso.json")).unwrap()
    };
    reopened.save(&same).unwrap();
    assert_eq!(
        fs::metadata(reopened.path()).unwrap().modified().unwrap(),
        old
    );
}

#[test]
fn leftovers_of_killed_saves_are_cleared_when_old() {
    let (_dir, store) = folder();
    let draft = OpenDraft::create(&store, sample("Contoso")).unwrap();
    let old_tmp = store.dir().join(".cpc-wizard-killed.tmp");
    let fresh_tmp = store.dir().join(".cpc-wizard-live.tmp");
    fs::write(&old_tmp, b"half").unwrap();
    fs::write(&fresh_tmp, b"half").unwrap();
    fs::File::options()
        .write(true)
        .open(&old_tmp)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(120))
        .unwrap();
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 1, "temporary files are not drafts");
    assert!(!old_tmp.exists(), "old leftover removed");
    assert!(fresh_tmp.exists(), "a save that may be live is left alone");
    assert!(draft.path().exists());
}

#[test]
fn store_messages_exist_in_both_languages_with_the_same_placeholders() {
    use cpc_wizard::i18n::{Lang, Locale, placeholders};
    let en = Locale::get(Lang::En);
    let zh = Locale::get(Lang::ZhTw);
    let mut keys: Vec<&str> = en.keys().filter(|k| k.starts_with("store.")).collect();
    keys.sort_unstable();
    let mut zh_keys: Vec<&str> = zh.keys().filter(|k| k.starts_with("store.")).collect();
    zh_keys.sort_unstable();
    assert_eq!(keys, zh_keys);
    assert!(keys.len() >= 7);
    for key in keys {
        assert_eq!(placeholders(en.t(key)), placeholders(zh.t(key)), "{key}");
    }
}
