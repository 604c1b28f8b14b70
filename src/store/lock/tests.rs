//! The draft lock's tests: taking, refusing, stale locks, links and file modes.

use super::*;

fn draft_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("Contoso.json")
}

#[test]
fn the_lock_file_is_hidden_beside_the_draft() {
    assert_eq!(
        lock_path_for(Path::new("/d/台北 2017.json")),
        Path::new("/d/.台北 2017.json.lock")
    );
}

#[test]
fn a_second_lock_is_refused_with_the_holder_and_freed_on_drop() {
    let dir = tempfile::tempdir().unwrap();
    let draft = draft_in(&dir);
    let first = acquire(&draft).unwrap();
    match acquire(&draft) {
        Err(StoreError::Locked { path, holder }) => {
            assert_eq!(path, draft);
            let holder = holder.expect("holder written");
            assert_eq!(holder.pid, std::process::id());
            assert_eq!(holder.host, host_name());
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    let lock_path = first.path().to_path_buf();
    drop(first);
    assert!(!lock_path.exists(), "lock file removed when let go");
    acquire(&draft).unwrap();
}

#[test]
fn an_os_lock_file_left_behind_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let draft = draft_in(&dir);
    // What a killed holder leaves: the file with its content, but no OS lock on it.
    fs::write(
        lock_path_for(&draft),
        r#"{"pid":1,"host":"elsewhere","since":0}"#,
    )
    .unwrap();
    let lock = acquire(&draft).unwrap();
    let holder = LockHolder::read(lock.path()).unwrap();
    assert_eq!(holder.pid, std::process::id());
}

#[cfg(unix)]
#[test]
fn without_os_locks_a_live_holder_blocks_and_a_dead_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let draft = draft_in(&dir);
    let first = acquire_with(&draft, false).unwrap();
    assert!(matches!(
        acquire_with(&draft, false),
        Err(StoreError::Locked {
            holder: Some(_),
            ..
        })
    ));
    // A process of this host that has exited.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead_pid = child.id();
    child.wait().unwrap();
    std::mem::forget(first); // as if killed: the pid file stays
    let stale = LockHolder {
        pid: dead_pid,
        host: host_name(),
        since: 0,
    };
    fs::write(
        lock_path_for(&draft),
        serde_json::to_string(&stale).unwrap(),
    )
    .unwrap();
    let lock = acquire_with(&draft, false).unwrap();
    assert_eq!(
        LockHolder::read(lock.path()).unwrap().pid,
        std::process::id()
    );
}

#[test]
fn without_os_locks_another_hosts_lock_holds() {
    let dir = tempfile::tempdir().unwrap();
    let draft = draft_in(&dir);
    let other = LockHolder {
        pid: 1,
        host: format!("{}-other", host_name()),
        since: 0,
    };
    fs::write(
        lock_path_for(&draft),
        serde_json::to_string(&other).unwrap(),
    )
    .unwrap();
    match acquire_with(&draft, false) {
        Err(StoreError::Locked { holder, .. }) => assert_eq!(holder, Some(other)),
        other => panic!("expected Locked, got {other:?}"),
    }
}

/// Many openers taking and letting go of one lock: never two holders at once, though
/// each holder removes the lock file as it lets go.
#[test]
fn the_lock_excludes_under_contention() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let draft = Arc::new(draft_in(&dir));
    let holders = Arc::new(AtomicUsize::new(0));
    let taken = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let (draft, holders, taken) = (draft.clone(), holders.clone(), taken.clone());
            std::thread::spawn(move || {
                for _ in 0..1000 {
                    match acquire(&draft) {
                        Ok(lock) => {
                            assert_eq!(holders.fetch_add(1, Ordering::SeqCst), 0);
                            taken.fetch_add(1, Ordering::SeqCst);
                            std::thread::yield_now();
                            holders.fetch_sub(1, Ordering::SeqCst);
                            drop(lock);
                        }
                        Err(StoreError::Locked { .. }) => std::thread::yield_now(),
                        Err(e) => panic!("{e}"),
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert!(taken.load(Ordering::SeqCst) > 0);
    assert!(!lock_path_for(&draft).exists());
}

#[cfg(unix)]
#[test]
fn lock_files_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let lock = acquire(&draft_in(&dir)).unwrap();
    let mode = fs::metadata(lock.path()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}
