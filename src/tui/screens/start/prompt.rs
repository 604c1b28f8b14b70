//! A question about one draft of the list: its new name, its copy's name, delete it,
//! open it read-only, or start afresh beside a file that cannot be read.

use super::*;

/// Rename, duplicate or delete the selected draft: asks for the name, or for confirmation.
pub(super) fn ask_about_selected(s: &mut State, cx: &mut Ctx, action: Action) {
    let Some(d) = s.selected.checked_sub(1).and_then(|i| s.drafts.get(i)) else {
        return;
    };
    let (path, name) = (d.path.clone(), d.name.clone());
    let (purpose, typed) = match action {
        Action::Rename => (NameFor::Rename, name.clone()),
        Action::Duplicate => (
            NameFor::Copy,
            cx.loc
                .f("wizard.drafts.copy_name", &[("name", &name.trim())]),
        ),
        _ => {
            s.prompt = Some(Prompt::Delete { path, name });
            return;
        }
    };
    s.prompt = Some(Prompt::Name {
        purpose,
        path,
        name,
        field: TextField::new(typed),
        missing: false,
    });
}

pub(super) fn prompt_action(s: &mut State, action: Action) -> Vec<Effect> {
    let Some(prompt) = s.prompt.take() else {
        return Vec::new();
    };
    let keep = |s: &mut State, prompt| {
        s.prompt = Some(prompt);
        Vec::new()
    };
    match (prompt, action) {
        (
            Prompt::Name {
                purpose,
                path,
                name,
                field,
                ..
            },
            Action::Activate,
        ) => match typed_name(&field) {
            Some(new_name) => vec![purpose.effect(path, new_name)],
            None => keep(
                s,
                Prompt::Name {
                    purpose,
                    path,
                    name,
                    field,
                    missing: true,
                },
            ),
        },
        (Prompt::Delete { path, .. }, Action::Yes) => vec![Effect::Delete(path)],
        (Prompt::Locked { path, .. }, Action::OpenReadOnly) => vec![Effect::OpenReadOnly(path)],
        (Prompt::Broken { path, .. }, Action::New) => {
            // A fresh start beside the file, named after it; the file itself stays as it is.
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            start_naming(s);
            s.naming = Some(TextField::new(stem));
            s.beside = path.parent().map(Path::to_path_buf);
            Vec::new()
        }
        (Prompt::Opening { .. }, Action::Cancel) => vec![Effect::StopOpening],
        (_, Action::Cancel | Action::No) => Vec::new(),
        (prompt, _) => keep(s, prompt),
    }
}

/// The name typed into a rename or copy field, or None when it is blank.
fn typed_name(field: &TextField) -> Option<String> {
    let name = field.text().trim();
    (!name.is_empty()).then(|| name.to_string())
}
