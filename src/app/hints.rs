//! The status bar's hints: for each mode and focused pane, the actions worth
//! naming, ranked as a newcomer needs them, each with the keys the keymap
//! binds to it there and a word that says what it does there. No key is named
//! here: keys come from the table, so a rebinding shows in the hints.

use super::{Action, App, Overlay, Pane};
use crate::i18n::{Lang, hint_text};
use crate::keys::table::{Binding, Mode, key_label};

/// One hint: the keys (`n/N` when several actions share it) and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub what: &'static str,
}

/// Where the keyboard is, as far as the hints care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HintContext {
    pub mode: Mode,
    pub pane: Pane,
    /// The focused row is a list ("All regions", "★ Starred") or nothing: no
    /// entry to copy or star, and Enter goes into the list.
    pub list_row: bool,
    /// The focused row is ★ Starred: the starred entries' quote sheet can be copied.
    pub starred_row: bool,
    /// Text is typed in the search box: Esc clears it rather than closing.
    pub typed: bool,
    /// In a detail, Enter opens the chosen line of the letter.
    pub on_source_line: bool,
    /// In a detail, there are links to follow.
    pub has_links: bool,
    /// An earlier place than the main panes to go back to.
    pub nested: bool,
}

/// One planned hint: the actions it names and its word in `i18n::hint_text`.
type Planned = (&'static [Action], &'static str);

const SEARCH: Planned = (&[Action::OpenSearch], "search");
const COPY: Planned = (&[Action::Copy], "copy");
const HELP: Planned = (&[Action::ToggleHelp], "help");
const STAR: Planned = (&[Action::ToggleStar], "star");
const COPY_MENU: Planned = (&[Action::OpenCopyMenu], "copy_menu");
const LETTER: Planned = (&[Action::ToggleLetter], "letter");
const CLOSE: Planned = (&[Action::Back], "close");
const TOP_END: Planned = (&[Action::First, Action::Last], "top_end");

/// `Esc` closes onto the panes, or goes back to a place before them.
fn close(c: HintContext) -> Planned {
    (&[Action::Back], if c.nested { "back" } else { "close" })
}

/// The hints of a context, in the order a newcomer needs them.
fn plan(c: HintContext) -> Vec<Planned> {
    match c.mode {
        Mode::Normal => plan_normal(c),
        Mode::Search => vec![
            (&[Action::Open], "open_hit"),
            COPY,
            (&[Action::CopyHits], "copy_hits"),
            if c.typed {
                (&[Action::Back], "clear")
            } else {
                close(c)
            },
        ],
        Mode::Detail => plan_detail(c),
        Mode::Letter => vec![
            (&[Action::FindInLetter], "find"),
            (&[Action::NextMatch, Action::PreviousMatch], "match"),
            TOP_END,
            close(c),
            HELP,
        ],
        Mode::LetterSearch => vec![
            (&[Action::Open], "find"),
            (&[Action::Back], "cancel"),
            (&[Action::ClearInput], "clear"),
        ],
        Mode::Help => vec![(&[Action::FilterHelp], "filter"), close(c), TOP_END],
        Mode::HelpFilter => vec![
            (&[Action::Open], "keep_filter"),
            (&[Action::Back], "clear_filter"),
        ],
        Mode::CopyMenu => vec![
            (&[Action::Open], "copy_chosen"),
            (
                &[
                    Action::CopyChoice(0),
                    Action::CopyChoice(1),
                    Action::CopyChoice(2),
                ],
                "copy_numbered",
            ),
            CLOSE,
        ],
        Mode::CopyText => vec![close(c), TOP_END],
        Mode::Map => vec![
            (&[Action::Open], "map_open"),
            (&[Action::CycleMeasure], "measure"),
            (&[Action::ZoomCorridor], "corridor"),
            (&[Action::ZoomIn, Action::ZoomOut], "zoom"),
            (&[Action::ToggleCityLabels], "city_names"),
            CLOSE,
            HELP,
            (&[Action::ToggleMapPanel], "map_panel"),
        ],
    }
}

/// The main screen's hints: Enter goes into a list, an entry is opened,
/// copied and starred.
fn plan_normal(c: HintContext) -> Vec<Planned> {
    let entry = !c.list_row;
    let open = if c.list_row && c.pane == Pane::Regions {
        "organisations"
    } else {
        "detail"
    };
    let mut plan = vec![SEARCH];
    if entry {
        plan.push(COPY);
    }
    if c.starred_row {
        plan.push((&[Action::CopyStarred], "quote_sheet"));
    }
    if entry || c.pane == Pane::Regions {
        plan.push((&[Action::Open], open));
    }
    plan.push(HELP);
    if entry {
        plan.extend([STAR, COPY_MENU]);
    }
    plan.extend([
        LETTER,
        (&[Action::ToggleMap], "map"),
        (&[Action::NextPane], "next_pane"),
        (&[Action::ToggleLanguage], "language"),
        (&[Action::CycleTheme], "theme"),
    ]);
    plan
}

/// A detail's hints: Enter follows the link or opens the chosen letter line.
fn plan_detail(c: HintContext) -> Vec<Planned> {
    let mut plan = Vec::new();
    if c.on_source_line {
        plan.push((&[Action::Open] as &[Action], "open_line"));
    } else if c.has_links {
        plan.push((&[Action::Open], "follow_link"));
    }
    plan.extend([COPY, close(c)]);
    plan.extend([STAR, SEARCH, HELP, COPY_MENU, LETTER]);
    plan
}

/// The key the hints show for an action in a mode: the first one bound that
/// is a character (`q` before Esc, `g` before Home), else the first one.
fn key_for(bindings: &[Binding], mode: Mode, action: &Action) -> Option<String> {
    let bound = || {
        bindings
            .iter()
            .filter(move |b| b.modes.contains(&mode) && b.action == *action)
    };
    let letter =
        bound().find(|b| matches!(b.key.code, crossterm::event::KeyCode::Char(c) if c != ' '));
    letter.or_else(|| bound().next()).map(|b| key_label(b.key))
}

/// The hints of a context with their keys from `bindings`, in rank order. A
/// hint whose actions have no key in the mode is left out.
pub(crate) fn hints(bindings: &[Binding], context: HintContext, lang: Lang) -> Vec<Hint> {
    plan(context)
        .into_iter()
        .filter_map(|(actions, word)| {
            let keys: Option<Vec<String>> = actions
                .iter()
                .map(|a| key_for(bindings, context.mode, a))
                .collect();
            Some(Hint {
                keys: keys?.join("/"),
                what: hint_text(word, lang),
            })
        })
        .collect()
}

#[cfg(test)]
/// Every context the status bar can be in, for tests of its hints.
pub(crate) fn every_context() -> Vec<HintContext> {
    let base = HintContext {
        mode: Mode::Normal,
        pane: Pane::Regions,
        list_row: false,
        starred_row: false,
        typed: false,
        on_source_line: false,
        has_links: false,
        nested: false,
    };
    let mut all = Vec::new();
    for pane in Pane::ALL {
        for list_row in [false, true] {
            all.push(HintContext {
                pane,
                list_row,
                starred_row: list_row && pane == Pane::Regions,
                ..base
            });
        }
    }
    for mode in Mode::ALL.into_iter().filter(|&m| m != Mode::Normal) {
        for flag in [false, true] {
            all.push(HintContext {
                mode,
                typed: flag,
                on_source_line: flag,
                has_links: !flag,
                nested: flag,
                ..base
            });
        }
    }
    all
}

impl App {
    /// Where the keyboard is now, for the status bar's hints.
    pub(crate) fn hint_context(&self) -> HintContext {
        let detail = self.open_detail();
        HintContext {
            mode: self.mode(),
            pane: self.focus(),
            list_row: self.target(self.focus()).is_none(),
            starred_row: self.focus() == Pane::Regions && self.starred_view(),
            typed: matches!(&self.overlay, Overlay::Search(sb) if !sb.input().is_empty()),
            on_source_line: detail.is_some_and(|v| v.source().is_some()),
            has_links: detail.is_some_and(|v| !v.detail().links.is_empty()),
            nested: !self.places.path().is_empty(),
        }
    }

    /// The status bar's hints for where the keyboard is now.
    pub(crate) fn hints(&self) -> Vec<Hint> {
        hints(&self.keymap, self.hint_context(), self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::table::{apply_overrides, bindings};

    fn keys(context: HintContext) -> Vec<String> {
        hints(&bindings(), context, Lang::En)
            .into_iter()
            .map(|h| h.keys)
            .collect()
    }

    fn context(mode: Mode, pane: Pane) -> HintContext {
        HintContext {
            mode,
            pane,
            list_row: false,
            starred_row: false,
            typed: false,
            on_source_line: false,
            has_links: true,
            nested: false,
        }
    }

    #[test]
    fn the_main_screen_ranks_the_newcomer_s_keys_first_and_follows_the_pane() {
        let city = context(Mode::Normal, Pane::Headcounts);
        assert_eq!(
            keys(city),
            ["/", "y", "Enter", "?", "s", "Y", "d", "m", "Tab", "L", "T"]
        );
        // "All regions": no entry to copy or star, Enter goes into the list.
        let all = HintContext {
            list_row: true,
            ..context(Mode::Normal, Pane::Regions)
        };
        let said = hints(&bindings(), all, Lang::En);
        assert_eq!(said[1].keys, "Enter");
        assert_eq!(said[1].what, "organisations");
        assert!(!said.iter().any(|h| h.keys == "y" || h.keys == "s"));
        for pane in [
            Pane::Organisations,
            Pane::Headcounts,
            Pane::Articles,
            Pane::Funding,
        ] {
            let said = hints(&bindings(), context(Mode::Normal, pane), Lang::En);
            assert_eq!(said[2].what, "detail", "{pane:?}");
        }
    }

    #[test]
    fn overlays_say_what_their_keys_do_there() {
        let said = |c: HintContext| -> Vec<(String, &str)> {
            hints(&bindings(), c, Lang::En)
                .into_iter()
                .map(|h| (h.keys, h.what))
                .collect()
        };
        let pair = |k: &str, w: &'static str| (k.to_string(), w);
        let letter = said(context(Mode::Letter, Pane::Regions));
        assert_eq!(
            letter[..4],
            [
                pair("/", "find"),
                pair("n/N", "match"),
                pair("g/G", "top/end"),
                pair("q", "close")
            ]
        );
        let detail = said(context(Mode::Detail, Pane::Regions));
        assert_eq!(
            detail[..3],
            [
                pair("Enter", "follow link"),
                pair("y", "copy"),
                pair("q", "close")
            ]
        );
        let on_line = HintContext {
            on_source_line: true,
            ..context(Mode::Detail, Pane::Regions)
        };
        assert_eq!(said(on_line)[0], pair("Enter", "open letter line"));
        let menu = said(context(Mode::CopyMenu, Pane::Regions));
        assert_eq!(menu[0], pair("Enter", "copy in this format"));
        assert_eq!(menu[1].0, "1/2/3");
        let search = said(context(Mode::Search, Pane::Regions));
        assert_eq!(
            search,
            [
                pair("Enter", "open"),
                pair("C-y", "copy"),
                pair("C-a", "copy all hits"),
                pair("Esc", "close")
            ]
        );
        let map = said(context(Mode::Map, Pane::Regions));
        assert_eq!(map[0], pair("Enter", "its organisations"));
        // No hint anywhere says what Enter does on the main screen's detail.
        for c in every_context() {
            for h in hints(&bindings(), c, Lang::En) {
                assert_ne!(h.what, "?", "{c:?}: a hint without words");
                if c.mode != Mode::Normal {
                    assert_ne!(h.what, "detail", "{c:?}");
                }
            }
        }
    }

    #[test]
    fn on_starred_the_hints_name_the_quote_sheet() {
        let starred = HintContext {
            list_row: true,
            starred_row: true,
            ..context(Mode::Normal, Pane::Regions)
        };
        let said = hints(&bindings(), starred, Lang::En);
        assert_eq!((said[1].keys.as_str(), said[1].what), ("S", "copy starred"));
        let all = HintContext {
            list_row: true,
            ..context(Mode::Normal, Pane::Regions)
        };
        assert!(
            !hints(&bindings(), all, Lang::En)
                .iter()
                .any(|h| h.keys == "S")
        );
    }

    #[test]
    fn hints_follow_a_rebinding() {
        let mut table = bindings();
        let problems =
            apply_overrides(&mut table, &[("search".to_string(), vec!["f".to_string()])]);
        assert!(problems.is_empty(), "{problems:?}");
        let said = hints(&table, context(Mode::Normal, Pane::Headcounts), Lang::En);
        assert_eq!(said[0].keys, "f");
    }
}
