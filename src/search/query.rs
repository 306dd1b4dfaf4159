//! Parses fzf-style queries: space-separated terms ANDed together, `'exact`,
//! `^prefix`, `suffix$`, and `!term` to exclude.

use super::fold::fold_accents;

/// How one term is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// Characters in order, gaps allowed.
    Fuzzy,
    /// A substring.
    Exact,
    /// The label starts with it.
    Prefix,
    /// The label ends with it.
    Suffix,
    /// The label is exactly it.
    Whole,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub kind: TermKind,
    /// Excluded: the entry must not match it.
    pub negated: bool,
    /// Folded text of the term.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let terms = input.split_whitespace().filter_map(parse_term).collect();
        Query { terms }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every entry matching `new_input` also matches `old_input`, so a
    /// search may look only at the previous hits. Holds when the new query extends
    /// the old one, unless the old one ended with a term whose extension widens it.
    pub(crate) fn narrows(old_input: &str, new_input: &str) -> bool {
        if old_input.trim().is_empty() || !new_input.starts_with(old_input) {
            return false;
        }
        if old_input.ends_with(char::is_whitespace) {
            return true;
        }
        // The old query's last term goes on in the new one: it narrows only when
        // it keeps its kind and grows its text. `x` → `x$` turns a fuzzy term
        // into a suffix, which matches entries the fuzzy term did not.
        let position = old_input.split_whitespace().count() - 1;
        let old_last = old_input.split_whitespace().last().and_then(parse_term);
        let new_last = new_input
            .split_whitespace()
            .nth(position)
            .and_then(parse_term);
        match (old_last, new_last) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(old), Some(new)) => {
                !old.negated
                    && !new.negated
                    && old.kind == new.kind
                    && new.text.starts_with(&old.text)
            }
        }
    }
}

fn parse_term(raw: &str) -> Option<Term> {
    let (negated, rest) = match raw.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (mut kind, rest) = if let Some(rest) = rest.strip_prefix('\'') {
        (TermKind::Exact, rest)
    } else if let Some(rest) = rest.strip_prefix('^') {
        (TermKind::Prefix, rest)
    } else {
        // As in fzf, an excluded term matches exactly, not fuzzily.
        (
            if negated {
                TermKind::Exact
            } else {
                TermKind::Fuzzy
            },
            rest,
        )
    };
    let rest = match rest.strip_suffix('$') {
        Some(inner) if !inner.is_empty() => {
            kind = if kind == TermKind::Prefix {
                TermKind::Whole
            } else {
                TermKind::Suffix
            };
            inner
        }
        _ => rest,
    };
    let text = fold_accents(rest);
    (!text.is_empty()).then_some(Term {
        kind,
        negated,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(kind: TermKind, negated: bool, text: &str) -> Term {
        Term {
            kind,
            negated,
            text: text.to_string(),
        }
    }

    #[test]
    fn parses_fzf_syntax() {
        use TermKind::*;
        let cases: &[(&str, Vec<Term>)] = &[
            ("montreal", vec![term(Fuzzy, false, "montreal")]),
            ("  Montréal  ", vec![term(Fuzzy, false, "montreal")]),
            (
                "sana !haute",
                vec![term(Fuzzy, false, "sana"), term(Exact, true, "haute")],
            ),
            ("'laval", vec![term(Exact, false, "laval")]),
            ("^SANA", vec![term(Prefix, false, "sana")]),
            ("gaspe$", vec![term(Suffix, false, "gaspe")]),
            ("^laval$", vec![term(Whole, false, "laval")]),
            ("!^sana", vec![term(Prefix, true, "sana")]),
            ("!'x", vec![term(Exact, true, "x")]),
            ("'", vec![]),
            ("! ^ $", vec![term(Fuzzy, false, "$")]),
            ("", vec![]),
        ];
        for (input, want) in cases {
            assert_eq!(&Query::parse(input).terms, want, "{input:?}");
        }
    }

    #[test]
    fn narrowing_only_when_extension_cannot_widen() {
        assert!(Query::narrows("mon", "mont"));
        assert!(Query::narrows("mon ", "mon l"));
        assert!(Query::narrows("'mon", "'mont"));
        assert!(Query::narrows("^mon", "^mont"));
        assert!(!Query::narrows("!mon", "!mont"));
        assert!(!Query::narrows("mon$", "mon$t"));
        assert!(!Query::narrows("", "m"));
        assert!(!Query::narrows("mont", "mon"));
        assert!(!Query::narrows("mon", "xmon"));
        // A fuzzy term that becomes a suffix or a whole-label term widens.
        assert!(!Query::narrows("(safima)", "(safima)$"));
        assert!(!Query::narrows("^laval", "^laval$"));
        // A term with no text yet matched everything.
        assert!(Query::narrows("'", "'m"));
        assert!(Query::narrows("sana ^", "sana ^h"));
    }
}
