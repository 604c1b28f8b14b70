//! Names in the Markdown report render literally in a GitHub-flavoured reader (tables,
//! strike-through, autolinks, maths on): no link, emphasis, strike-through, code or HTML
//! comes out of a name, and no backslash put in to prevent that shows.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options, parse_document};
use cpc_wizard::i18n::{Lang, Locale};
use cpc_wizard::profile::{Customer, Person, Profile};
use cpc_wizard::report::{ReportFormat, ReportInput, render};
use cpc_wizard::rules::{RuleSet, evaluate};
use cpc_wizard::text::visible;

const NAMES: [&str; 22] = [
    "https://evil.example/login",
    "www.example.com",
    "WWW.Example.com",
    "mail me@example.com",
    "xmpp:foo@bar.baz",
    "~~struck~~ and ~one~",
    "*em* _em_ **strong** __strong__",
    "`code` and ``more``",
    "[link](https://x.y) ![img](a.png)",
    "<b>bold</b> <https://auto.link>",
    "&amp; &#65; &copy;",
    "a | b || c",
    "back\\slash\\",
    "trailing backslash \\",
    "\\*not em\\*",
    "$x^2$ and $$y$$",
    "# not a heading",
    "1. not a list",
    "- not a list",
    "Contoso: East (台北)",
    "=SUM(A1) +1 @me",
    "line\nbreak\u{1b}[31m",
];

fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options.extension.math_dollars = true;
    options.extension.superscript = true;
    options.extension.subscript = true;
    options.extension.underline = true;
    options
}

/// Text nodes only below `node`: any other kind is markup a name made.
fn markup_in<'a>(node: &'a AstNode<'a>) -> Vec<String> {
    node.descendants()
        .skip(1)
        .filter(|n| !matches!(n.data().value, NodeValue::Text(_)))
        .map(|n| format!("{:?}", n.data().value))
        .collect()
}

#[test]
fn names_render_literally_in_the_markdown_report() {
    for lang in [Lang::En, Lang::ZhTw] {
        let loc = Locale::get(lang);
        for name in NAMES {
            let mut profile = Profile::new(name);
            profile.customers.push(Customer::new(name));
            profile.staff.push(Person::new(name));
            let rules = RuleSet::by_edition(&profile.edition).expect("edition");
            let assessment = evaluate(&profile, rules);
            let input = ReportInput {
                profile: &profile,
                rules,
                assessment: &assessment,
            };
            let markdown = render(&input, ReportFormat::Markdown, loc);
            let arena = Arena::new();
            let root = parse_document(&arena, &markdown, &options());
            let want = visible(name).replace('\n', " ");
            // The title, and the name's cell in the customers and staff tables.
            let mut found = 0;
            for node in root.descendants() {
                let holder = matches!(
                    node.data().value,
                    NodeValue::Heading(_) | NodeValue::TableCell
                );
                if !holder {
                    continue;
                }
                let text = node.collect_text();
                if !text.contains(want.as_str()) {
                    continue;
                }
                found += 1;
                let markup = markup_in(node);
                assert!(
                    markup.is_empty(),
                    "{name:?} made {markup:?} in {text:?}\n{markdown}"
                );
            }
            assert!(
                found >= 3,
                "{name:?} shown literally {found} times, not 3\n{markdown}"
            );
        }
    }
}
