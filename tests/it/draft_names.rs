//! Draft names and files, one to one: distinct names never share a file, a name is taken
//! once (without case and surrounding spaces), creation is atomic with its name, and every
//! path to one draft meets one lock.

use std::fs;
use std::sync::{Arc, Barrier};

use cpc_wizard::profile::Profile;
use cpc_wizard::store::{self, OpenDraft, Store, StoreError};

fn folder() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("drafts"));
    (dir, store)
}

#[test]
fn distinct_names_get_distinct_files_and_keep_their_names() {
    let (_dir, store) = folder();
    let names = [
        "a_b", "a\\b", "a:b", "hidden", ".hidden", ".", "..", "...", "draft", "con", "CON.",
    ];
    let mut paths = Vec::new();
    for name in names {
        let open = OpenDraft::create(&store, Profile::new(name)).unwrap();
        paths.push(open.path().to_path_buf());
    }
    let mut unique = paths.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "{paths:?}");
    for (name, path) in names.iter().zip(&paths) {
        assert_eq!(store::load(path).unwrap().name, *name);
        // Found by the name inside the file, not by guessing from the file name.
        assert_eq!(&store.resolve(name).unwrap(), path, "{name}");
    }
    assert_eq!(store.list().unwrap().len(), names.len());
}

#[test]
fn a_blank_name_is_refused() {
    let (_dir, store) = folder();
    for name in ["", "   ", "\t"] {
        assert!(
            matches!(
                OpenDraft::create(&store, Profile::new(name)),
                Err(StoreError::EmptyName)
            ),
            "{name:?}"
        );
    }
    let open = OpenDraft::create(&store, Profile::new("Contoso")).unwrap();
    let path = open.path().to_path_buf();
    drop(open);
    assert!(matches!(
        store::rename(&path, "  "),
        Err(StoreError::EmptyName)
    ));
    assert!(matches!(
        store::duplicate(&path, ""),
        Err(StoreError::EmptyName)
    ));
}

#[test]
fn new_rename_and_copy_with_a_taken_name_say_so() {
    let (_dir, store) = folder();
    let contoso = OpenDraft::create(&store, Profile::new("Contoso")).unwrap();
    let contoso_path = contoso.path().to_path_buf();
    drop(contoso);
    let fabrikam = OpenDraft::create(&store, Profile::new("Fabrikam"))
        .unwrap()
        .path()
        .to_path_buf();

    for taken in ["Contoso", "contoso", "  CONTOSO "] {
        match OpenDraft::create(&store, Profile::new(taken)) {
            Err(StoreError::NameTaken { path, .. }) => assert_eq!(path, contoso_path),
            other => panic!("{taken:?}: expected NameTaken, got {other:?}"),
        }
        assert!(matches!(
            store::rename(&fabrikam, taken),
            Err(StoreError::NameTaken { .. })
        ));
        assert!(matches!(
            store::duplicate(&fabrikam, taken),
            Err(StoreError::NameTaken { .. })
        ));
    }
    assert_eq!(store.list().unwrap().len(), 2, "nothing was made");
    // A draft may take another case of its own name.
    let renamed = store::rename(&contoso_path, "CONTOSO").unwrap();
    assert_eq!(store::load(&renamed).unwrap().name, "CONTOSO");
}

#[test]
fn a_name_whose_file_is_taken_gets_a_numbered_file() {
    let (_dir, store) = folder();
    let first = OpenDraft::create(&store, Profile::new("a:b")).unwrap();
    let second = OpenDraft::create(&store, Profile::new("a_b")).unwrap();
    assert_eq!(first.path().file_name().unwrap(), "a_b.json");
    assert_eq!(second.path().file_name().unwrap(), "a_b (2).json");
    assert_eq!(store.resolve("a_b").unwrap(), second.path());
    assert_eq!(store.resolve("a:b").unwrap(), first.path());
}

/// Many threads creating one name at the same moment: exactly one draft, every round.
#[test]
fn creating_one_name_at_once_makes_one_draft() {
    let (_dir, store) = folder();
    for round in 0..40 {
        let name = format!("Race {round}");
        let barrier = Arc::new(Barrier::new(4));
        let made: Vec<bool> = (0..4)
            .map(|_| {
                let (store, name, barrier) = (store.clone(), name.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    match OpenDraft::create(&store, Profile::new(name)) {
                        Ok(_) => true,
                        Err(StoreError::NameTaken { .. } | StoreError::Locked { .. }) => false,
                        Err(e) => panic!("{e}"),
                    }
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        assert_eq!(made.iter().filter(|m| **m).count(), 1, "round {round}");
        let same_name = store
            .list()
            .unwrap()
            .into_iter()
            .filter(|e| e.profile.as_ref().is_ok_and(|p| p.name == name))
            .count();
        assert_eq!(same_name, 1, "round {round}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_to_a_draft_meets_the_drafts_lock_and_stays_a_link() {
    let (dir, store) = folder();
    let open = OpenDraft::create(&store, Profile::new("Contoso")).unwrap();
    let real = open.path().to_path_buf();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert!(
        matches!(OpenDraft::open(&link), Err(StoreError::Locked { .. })),
        "the link gets no lock of its own"
    );
    drop(open);

    let mut through_link = OpenDraft::open(&link).unwrap();
    assert!(matches!(
        OpenDraft::open(&real),
        Err(StoreError::Locked { .. })
    ));
    let mut changed = through_link.profile().clone();
    changed
        .customers
        .push(cpc_wizard::profile::Customer::new("Fabrikam"));
    through_link.save(&changed).unwrap();
    drop(through_link);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(store::load(&real).unwrap().customers.len(), 1);
}

#[cfg(unix)]
#[test]
fn a_hard_linked_draft_is_not_opened_for_writing() {
    let (dir, store) = folder();
    let real = OpenDraft::create(&store, Profile::new("Contoso"))
        .unwrap()
        .path()
        .to_path_buf();
    let other = dir.path().join("other.json");
    fs::hard_link(&real, &other).unwrap();
    for path in [&real, &other] {
        assert!(
            matches!(OpenDraft::open(path), Err(StoreError::HardLinked { .. })),
            "{path:?}"
        );
        assert!(OpenDraft::open_read_only(path).is_ok());
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_planted_as_the_lock_file_is_never_followed() {
    let (dir, store) = folder();
    let draft = OpenDraft::create(&store, Profile::new("Contoso"))
        .unwrap()
        .path()
        .to_path_buf();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    let lock = store::lock_path_for(&draft);
    std::os::unix::fs::symlink(&victim, &lock).unwrap();

    let open = OpenDraft::open(&draft).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    drop(open);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!lock.exists());
}

#[cfg(unix)]
#[test]
fn a_hard_link_planted_as_the_lock_file_is_never_written() {
    let (dir, store) = folder();
    let draft = OpenDraft::create(&store, Profile::new("Contoso"))
        .unwrap()
        .path()
        .to_path_buf();
    let victim = dir.path().join("drafts").join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    fs::hard_link(&victim, store::lock_path_for(&draft)).unwrap();
    let open = OpenDraft::open(&draft).unwrap();
    drop(open);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_opened_read_only_even_by_root() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = folder();
    let path = OpenDraft::create(&store, Profile::new("Contoso"))
        .unwrap()
        .path()
        .to_path_buf();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&path).unwrap();
    assert!(matches!(
        OpenDraft::open(&path),
        Err(StoreError::FileReadOnly { .. })
    ));
    let read_only = OpenDraft::open_read_only(&path).unwrap();
    assert!(read_only.is_read_only());
    assert!(matches!(
        store::rename(&path, "Other"),
        Err(StoreError::FileReadOnly { .. })
    ));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn in_a_read_only_folder_drafts_open_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = folder();
    let path = OpenDraft::create(&store, Profile::new("Contoso"))
        .unwrap()
        .path()
        .to_path_buf();
    fs::set_permissions(store.dir(), fs::Permissions::from_mode(0o555)).unwrap();
    let opened = OpenDraft::open(&path);
    let read_only = OpenDraft::open_read_only(&path);
    fs::set_permissions(store.dir(), fs::Permissions::from_mode(0o700)).unwrap();
    assert!(
        matches!(opened, Err(StoreError::FolderReadOnly { .. })),
        "{opened:?}"
    );
    assert_eq!(read_only.unwrap().profile().name, "Contoso");
}

#[test]
fn a_change_made_outside_is_never_saved_over() {
    let (_dir, store) = folder();
    let mut open = OpenDraft::create(&store, Profile::new("Contoso")).unwrap();
    let path = open.path().to_path_buf();
    // A hand edit: another valid draft, written in place, a moment later.
    let mut edited = Profile::new("Contoso");
    edited
        .customers
        .push(cpc_wizard::profile::Customer::new("Hand-made"));
    let text = cpc_wizard::profile::to_json(&edited);
    fs::write(&path, &text).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();

    let mut mine = open.profile().clone();
    mine.customers
        .push(cpc_wizard::profile::Customer::new("Typed here"));
    assert!(matches!(
        open.save(&mine),
        Err(StoreError::ChangedOnDisk { .. })
    ));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        text,
        "the hand edit is kept"
    );
    // Reloading takes the hand edit; saving then works again.
    assert_eq!(open.reload().unwrap().customers[0].name, "Hand-made");
    let mut after = open.profile().clone();
    after
        .customers
        .push(cpc_wizard::profile::Customer::new("Typed after"));
    open.save(&after).unwrap();
    assert_eq!(store::load(&path).unwrap().customers.len(), 2);
}

/// A file whose time changed but whose bytes did not (`touch`, a backup tool) was not
/// changed: saving goes on.
#[test]
fn a_touched_file_is_not_a_change() {
    let (_dir, store) = folder();
    let mut open = OpenDraft::create(&store, Profile::new("Contoso")).unwrap();
    fs::File::options()
        .write(true)
        .open(open.path())
        .unwrap()
        .set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    let mut mine = open.profile().clone();
    mine.customers
        .push(cpc_wizard::profile::Customer::new("Typed here"));
    open.save(&mine).unwrap();
    assert_eq!(store::load(open.path()).unwrap().customers.len(), 1);
}

/// A rename moves the draft as last saved: with a change made outside since, it is
/// refused rather than drop that change.
#[test]
fn a_rename_never_drops_a_change_made_outside() {
    let (_dir, store) = folder();
    let mut open = OpenDraft::create(&store, Profile::new("Contoso")).unwrap();
    let path = open.path().to_path_buf();
    let mut edited = Profile::new("Contoso");
    edited
        .customers
        .push(cpc_wizard::profile::Customer::new("Hand-made"));
    let text = cpc_wizard::profile::to_json(&edited);
    fs::write(&path, &text).unwrap();
    assert!(matches!(
        open.rename("Elsewhere"),
        Err(StoreError::ChangedOnDisk { .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}
