//! The letter as the explorer shows it: the corrected transcription for the
//! embedded data, otherwise the letter's parts as the dataset gives them.

use std::borrow::Cow;

use super::{Dataset, EMBEDDED_LETTER, Origin};

/// The letter's text for a dataset of this origin.
pub fn letter(data: &Dataset, origin: &Origin) -> Cow<'static, str> {
    if *origin == Origin::Embedded {
        return Cow::Borrowed(EMBEDDED_LETTER);
    }
    let d = &data.document;
    let mut out = format!(
        "{}\n{}\n{}, {}\n{} {}\n\n{}\n\n",
        d.ministry, d.office, d.place, d.date, d.subject, d.reference, d.programme
    );
    for q in &d.questions {
        out.push_str(&format!("{}- {}\n", q.number, q.text));
        for a in &q.answers {
            out.push_str(&format!("   {}\n", a.text));
        }
        out.push('\n');
    }
    for part in [&d.caveat.text, &d.deployment_note.text, &d.review.text] {
        out.push_str(part);
        out.push_str("\n\n");
    }
    out.push_str(&format!(
        "{} {}\n{}\n",
        d.signatory.signed, d.signatory.name, d.signatory.title
    ));
    Cow::Owned(out)
}
