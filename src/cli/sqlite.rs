//! `pap-tui export --format sqlite`: the dataset as normalised tables with
//! primary and foreign keys, the OCR lines of every value in `sources`, and
//! views for the common questions, ready for Datasette or the `sqlite3` shell.

pub(crate) mod full_text;
pub(crate) mod schema;

use std::path::Path;

use rusqlite::{Connection, Transaction, params};

use crate::data::{Dataset, Outcome, Source};

/// Writes the dataset into a new database at `path` (an empty or absent file).
pub(crate) fn write(data: &Dataset, path: &Path) -> rusqlite::Result<()> {
    let mut db = Connection::open(path)?;
    // No rollback journal: the database is a new file that is renamed into
    // place only once whole, and a journal beside it would outlive a process
    // ended while it writes.
    db.pragma_update_and_check(None, "journal_mode", "OFF", |row| row.get::<_, String>(0))?;
    // Checked while writing: a row that refers to nothing fails the export
    // rather than landing in the file.
    db.pragma_update(None, "foreign_keys", true)?;
    let tx = db.transaction()?;
    tx.execute_batch(&schema::create_all())?;
    insert(&tx, data)?;
    for index in full_text::FULL_TEXT {
        tx.execute_batch(&index.create())?;
    }
    tx.commit()?;
    db.close().map_err(|(_, e)| e)
}

fn insert(tx: &Transaction, data: &Dataset) -> rusqlite::Result<()> {
    let mut sources = Sources::new(tx)?;
    insert_regions(tx, data, &mut sources)?;
    insert_organisations(tx, data, &mut sources)?;
    insert_articles(tx, data, &mut sources)?;
    insert_cities(tx, data, &mut sources)?;
    insert_funding(tx, data, &mut sources)?;
    insert_questions(tx, data, &mut sources)?;
    insert_letter(tx, data, &mut sources)
}

/// The regions, in the letter's order, with their OCR lines.
fn insert_regions(tx: &Transaction, data: &Dataset, sources: &mut Sources) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare("INSERT INTO regions (code, name, position) VALUES (?1, ?2, ?3)")?;
    for (i, r) in data.regions.iter().enumerate() {
        stmt.execute(params![r.code, r.name, i + 1])?;
        sources.add(&r.source, Owner::Region(&r.code))?;
    }
    Ok(())
}

/// The organisations and the regions each one serves.
fn insert_organisations(
    tx: &Transaction,
    data: &Dataset,
    sources: &mut Sources,
) -> rusqlite::Result<()> {
    let mut org = tx.prepare(
        "INSERT INTO organisations (id, name, acronym, note, position) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut member = tx.prepare(
        "INSERT INTO organisation_regions (organisation_id, region_code, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, o) in data.organisations.iter().enumerate() {
        org.execute(params![o.id, o.name, o.acronym, o.note, i + 1])?;
        for (j, code) in o.regions.iter().enumerate() {
            member.execute(params![o.id, code, j + 1])?;
        }
        sources.add(&o.source, Owner::Organisation(&o.id))?;
    }
    Ok(())
}

/// The articles of the law the letter cites.
fn insert_articles(
    tx: &Transaction,
    data: &Dataset,
    sources: &mut Sources,
) -> rusqlite::Result<()> {
    let mut article = tx.prepare(
        "INSERT INTO articles (number, text, history, paraphrase, cited_for, position) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, a) in data.articles.iter().enumerate() {
        article.execute(params![
            a.number,
            a.text,
            a.history,
            a.paraphrase,
            a.cited_for,
            i + 1
        ])?;
        sources.add(&a.source, Owner::Article(&a.number))?;
    }
    Ok(())
}

/// The cities with their headcounts, and the articles invoked where a
/// count is withheld.
fn insert_cities(tx: &Transaction, data: &Dataset, sources: &mut Sources) -> rusqlite::Result<()> {
    let mut city = tx.prepare(
        "INSERT INTO cities (id, name, region_code, count, withheld, withheld_note, position) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut refused = tx.prepare(
        "INSERT INTO city_withheld_articles (city_id, article_number, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, c) in data.cities.iter().enumerate() {
        let note = c.withheld.as_ref().map(|w| w.note.as_str());
        city.execute(params![
            c.id,
            c.name,
            c.region,
            c.count,
            c.withheld.is_some(),
            note,
            i + 1
        ])?;
        for (j, number) in c.withheld.iter().flat_map(|w| &w.articles).enumerate() {
            refused.execute(params![c.id, number, j + 1])?;
        }
        sources.add(&c.source, Owner::City(&c.id))?;
    }
    Ok(())
}

/// The funding rows.
fn insert_funding(tx: &Transaction, data: &Dataset, sources: &mut Sources) -> rusqlite::Result<()> {
    let mut funding = tx.prepare(
        "INSERT INTO funding (id, organisation, organisation_id, amount_cad, position) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, f) in data.funding.iter().enumerate() {
        funding.execute(params![
            f.id,
            f.organisation,
            f.organisation_id,
            f.amount_cad,
            i + 1
        ])?;
        sources.add(&f.source, Owner::Funding(&f.id))?;
    }
    Ok(())
}

/// The questions of the request, their answers and the articles each answer
/// invokes.
fn insert_questions(
    tx: &Transaction,
    data: &Dataset,
    sources: &mut Sources,
) -> rusqlite::Result<()> {
    let d = &data.document;
    let mut question = tx.prepare("INSERT INTO questions (number, text) VALUES (?1, ?2)")?;
    let mut answer = tx.prepare(
        "INSERT INTO answers (question_number, position, outcome, text, reference_request) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut invoked = tx.prepare(
        "INSERT INTO answer_articles (question_number, answer_position, article_number) \
         VALUES (?1, ?2, ?3)",
    )?;
    for q in &d.questions {
        question.execute(params![q.number, q.text])?;
        sources.add(&q.source, Owner::Question(q.number))?;
        for (j, a) in q.answers.iter().enumerate() {
            let position = j + 1;
            answer.execute(params![
                q.number,
                position,
                outcome(a.outcome),
                a.text,
                a.reference_request
            ])?;
            for number in &a.articles {
                invoked.execute(params![q.number, position, number])?;
            }
            sources.add(&a.source, Owner::Answer(q.number, position))?;
        }
    }
    Ok(())
}

/// The letter's single `document` row and the OCR lines of its parts that
/// have no table of their own.
fn insert_letter(tx: &Transaction, data: &Dataset, sources: &mut Sources) -> rusqlite::Result<()> {
    let d = &data.document;
    tx.execute(
        "INSERT INTO document (id, ministry, ministry_acronym, office, place, date, reference, \
         subject, programme, request_received, law_title, law_citation, headcount_start, \
         headcount_end, caveat, deployment_note, review_body, review_acronym, review_days, \
         review_text, review_url, signatory_name, signatory_title, signatory_signed) \
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19, ?20, ?21, ?22, ?23)",
        params![
            d.ministry,
            d.ministry_acronym,
            d.office,
            d.place,
            d.date,
            d.reference,
            d.subject,
            d.programme,
            d.request_received,
            d.law.title,
            d.law.citation,
            d.headcount_period.start,
            d.headcount_period.end,
            d.caveat.text,
            d.deployment_note.text,
            d.review.body,
            d.review.acronym,
            d.review.days,
            d.review.text,
            d.review.url,
            d.signatory.name,
            d.signatory.title,
            d.signatory.signed,
        ],
    )?;
    for (part, source) in [
        ("law", &d.law.source),
        ("headcount_period", &d.headcount_period.source),
        ("caveat", &d.caveat.source),
        ("deployment_note", &d.deployment_note.source),
        ("review", &d.review.source),
        ("signatory", &d.signatory.source),
    ] {
        sources.add(source, Owner::Letter(part))?;
    }
    Ok(())
}

/// The outcome as the dataset's JSON names it.
fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Answered => "answered",
        Outcome::AnsweredElsewhere => "answered_elsewhere",
        Outcome::NotHeld => "not_held",
        Outcome::PartlyRefused => "partly_refused",
    }
}

/// Whose OCR lines a `sources` row holds.
#[derive(Debug, Clone, Copy)]
enum Owner<'a> {
    Region(&'a str),
    Organisation(&'a str),
    City(&'a str),
    Funding(&'a str),
    Article(&'a str),
    Question(u32),
    Answer(u32, usize),
    /// A part of the letter with no table of its own: `law`, `caveat`, …
    Letter(&'static str),
}

/// The `sources` table's insert, one row per OCR line.
struct Sources<'tx> {
    insert: rusqlite::Statement<'tx>,
}

impl<'tx> Sources<'tx> {
    fn new(tx: &'tx Transaction) -> rusqlite::Result<Sources<'tx>> {
        Ok(Sources {
            insert: tx.prepare(
                "INSERT INTO sources (part, region_code, organisation_id, city_id, funding_id, \
                 article_number, question_number, answer_position, position, line, text) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
        })
    }

    fn add(&mut self, source: &Source, owner: Owner) -> rusqlite::Result<()> {
        let (mut region, mut organisation, mut city, mut funding, mut article) =
            (None, None, None, None, None);
        let (mut question, mut answer) = (None, None);
        let part = match owner {
            Owner::Region(code) => {
                region = Some(code);
                "region"
            }
            Owner::Organisation(id) => {
                organisation = Some(id);
                "organisation"
            }
            Owner::City(id) => {
                city = Some(id);
                "city"
            }
            Owner::Funding(id) => {
                funding = Some(id);
                "funding"
            }
            Owner::Article(number) => {
                article = Some(number);
                "article"
            }
            Owner::Question(number) => {
                question = Some(number);
                "question"
            }
            Owner::Answer(number, position) => {
                question = Some(number);
                answer = Some(position);
                "answer"
            }
            Owner::Letter(part) => part,
        };
        for (i, line) in source.iter().enumerate() {
            self.insert.execute(params![
                part,
                region,
                organisation,
                city,
                funding,
                article,
                question,
                answer,
                i + 1,
                line.line,
                line.text
            ])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exported() -> (tempfile::TempDir, Connection) {
        let data = crate::data::load(None).expect("embedded").dataset;
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("pap.db");
        write(&data, &path).expect("export");
        let db = Connection::open(&path).expect("open");
        (dir, db)
    }

    fn count(db: &Connection, sql: &str) -> i64 {
        db.query_row(sql, [], |row| row.get(0)).expect(sql)
    }

    #[test]
    fn every_source_line_is_kept() {
        let data = crate::data::load(None).expect("embedded").dataset;
        let d = &data.document;
        let mut lines = data.regions.iter().map(|r| r.source.len()).sum::<usize>()
            + data
                .organisations
                .iter()
                .map(|o| o.source.len())
                .sum::<usize>()
            + data.cities.iter().map(|c| c.source.len()).sum::<usize>()
            + data.funding.iter().map(|f| f.source.len()).sum::<usize>()
            + data.articles.iter().map(|a| a.source.len()).sum::<usize>();
        for q in &d.questions {
            lines += q.source.len() + q.answers.iter().map(|a| a.source.len()).sum::<usize>();
        }
        lines += d.law.source.len()
            + d.headcount_period.source.len()
            + d.caveat.source.len()
            + d.deployment_note.source.len()
            + d.review.source.len()
            + d.signatory.source.len();
        let (_dir, db) = exported();
        assert_eq!(count(&db, "SELECT count(*) FROM sources") as usize, lines);
        // Each source row names exactly the owner its part says.
        assert_eq!(
            count(
                &db,
                "SELECT count(*) FROM sources WHERE \
                 (region_code IS NOT NULL) + (organisation_id IS NOT NULL) + (city_id IS NOT NULL) \
                 + (funding_id IS NOT NULL) + (article_number IS NOT NULL) + (question_number IS NOT NULL) \
                 != (part IN ('region', 'organisation', 'city', 'funding', 'article', 'question', 'answer'))"
            ),
            0
        );
        let safima: String = db
            .query_row(
                "SELECT line || ': ' || text FROM sources WHERE organisation_id = 'safima'",
                [],
                |row| row.get(0),
            )
            .expect("safima's source");
        assert!(safima.starts_with("197: "), "{safima}");
    }

    #[test]
    fn withheld_counts_stay_empty_with_their_articles() {
        let (_dir, db) = exported();
        assert_eq!(
            count(&db, "SELECT count(*) FROM cities WHERE withheld = 1"),
            12
        );
        assert_eq!(
            count(
                &db,
                "SELECT count(*) FROM cities WHERE withheld = 1 AND count IS NOT NULL"
            ),
            0
        );
        assert_eq!(count(&db, "SELECT count(*) FROM cities WHERE count = 0"), 0);
        assert_eq!(count(&db, "SELECT sum(count) FROM headcounts"), 217);
        let articles: String = db
            .query_row(
                "SELECT withheld_articles FROM headcounts WHERE city = 'Terrebonne'",
                [],
                |row| row.get(0),
            )
            .expect("Terrebonne");
        assert_eq!(articles, "53;54");
    }

    #[test]
    fn a_dangling_reference_fails_the_export() {
        let mut data = crate::data::load(None).expect("embedded").dataset;
        data.cities[0].region = "99".to_string();
        let dir = tempfile::tempdir().expect("temporary directory");
        let err = write(&data, &dir.path().join("bad.db")).expect_err("refused");
        assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    }
}
