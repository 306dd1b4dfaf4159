//! The SQLite export's tables and views, each column with what it means: the
//! `CREATE` statements and Datasette's column descriptions are both made from
//! these rows, so the two cannot drift apart. Names and descriptions are in
//! English, like the dataset's keys; the values stay in French. The figures'
//! columns take their names and meanings from the data dictionary
//! (`present::dictionary`).

use crate::present::dictionary as field;

/// A column: its name, its SQL type and constraints, what it holds.
pub(crate) type Column = (&'static str, &'static str, &'static str);

pub(crate) struct Table {
    pub name: &'static str,
    pub about: &'static str,
    pub columns: &'static [Column],
    /// Table constraints after the columns: composite keys and references.
    pub constraints: &'static [&'static str],
}

pub struct View {
    pub name: &'static str,
    pub about: &'static str,
    pub select: &'static str,
    /// The view's columns and what each holds.
    pub columns: &'static [(&'static str, &'static str)],
}

const POSITION: Column = (
    "position",
    "INTEGER NOT NULL",
    "order in the letter, from 1",
);

pub(crate) const TABLES: &[Table] = &[
    Table {
        name: "document",
        about: "The letter itself: one row.",
        columns: &[
            ("id", "INTEGER PRIMARY KEY CHECK (id = 1)", "always 1"),
            (
                "ministry",
                "TEXT NOT NULL",
                "issuing ministry, as in the letterhead",
            ),
            (
                "ministry_acronym",
                "TEXT NOT NULL",
                "the ministry's acronym",
            ),
            ("office", "TEXT NOT NULL", "the office that signs"),
            ("place", "TEXT NOT NULL", "where the letter was written"),
            ("date", "TEXT NOT NULL", "date of the letter (YYYY-MM-DD)"),
            ("reference", "TEXT NOT NULL", "the file number (N/Réf.)"),
            ("subject", "TEXT NOT NULL", "the Objet line"),
            (
                "programme",
                "TEXT NOT NULL",
                "the programme the request is about",
            ),
            (
                "request_received",
                "TEXT NOT NULL",
                "date the request was received (YYYY-MM-DD)",
            ),
            ("law_title", "TEXT NOT NULL", "title of the access act"),
            (
                "law_citation",
                "TEXT NOT NULL",
                "citation of the act (not printed in the letter)",
            ),
            (
                "headcount_start",
                "TEXT NOT NULL",
                "first day counted in the headcounts (YYYY-MM-DD)",
            ),
            (
                "headcount_end",
                "TEXT NOT NULL",
                "last day counted in the headcounts (YYYY-MM-DD)",
            ),
            (
                "caveat",
                "TEXT NOT NULL",
                "the letter's warning on the headcounts: compiled by hand, incomplete, not official statistics",
            ),
            (
                "deployment_note",
                "TEXT NOT NULL",
                "the paragraph on the programme's regional deployment",
            ),
            (
                "review_body",
                "TEXT NOT NULL",
                "where a review of the decision can be asked for",
            ),
            ("review_acronym", "TEXT NOT NULL", "that body's acronym"),
            (
                "review_days",
                "INTEGER NOT NULL",
                "days within which to ask for a review",
            ),
            (
                "review_text",
                "TEXT NOT NULL",
                "the paragraph on the right to a review",
            ),
            (
                "review_url",
                "TEXT NOT NULL",
                "the review body's address, without scheme, as printed",
            ),
            ("signatory_name", "TEXT NOT NULL", "who signed"),
            ("signatory_title", "TEXT NOT NULL", "the signatory's title"),
            ("signatory_signed", "TEXT NOT NULL", "the signature line"),
        ],
        constraints: &[],
    },
    Table {
        name: "regions",
        about: "Québec's 17 administrative regions (official codes and names; the letter prints neither).",
        columns: &[
            ("code", "TEXT PRIMARY KEY", "official code, 01 to 17"),
            ("name", "TEXT NOT NULL", "official name"),
            POSITION,
        ],
        constraints: &[],
    },
    Table {
        name: "organisations",
        about: "The community organisations of the annex \"Organismes par régions\".",
        columns: &[
            ("id", "TEXT PRIMARY KEY", "stable identifier (kebab-case)"),
            (
                "name",
                "TEXT NOT NULL",
                "name as printed, corrected, without the acronym",
            ),
            ("acronym", "TEXT", "acronym, only when printed in full"),
            (
                "note",
                "TEXT",
                "the transcriber's remark on a judgment call",
            ),
            POSITION,
        ],
        constraints: &[],
    },
    Table {
        name: "organisation_regions",
        about: "Which regions each organisation is listed under (one organisation may be under several).",
        columns: &[
            (
                "organisation_id",
                "TEXT NOT NULL REFERENCES organisations (id)",
                "the organisation",
            ),
            (
                "region_code",
                "TEXT NOT NULL REFERENCES regions (code)",
                "a region it is listed under",
            ),
            (
                "position",
                "INTEGER NOT NULL",
                "order of the region in the organisation's list, from 1",
            ),
        ],
        constraints: &["PRIMARY KEY (organisation_id, region_code)"],
    },
    Table {
        name: "articles",
        about: "The articles of the access act that the letter quotes or cites.",
        columns: &[
            ("number", "TEXT PRIMARY KEY", "article number"),
            (
                "text",
                "TEXT",
                "full text as the letter reproduces it; empty when only cited",
            ),
            ("history", "TEXT", "amendment history as printed"),
            (
                "paraphrase",
                "TEXT",
                "the letter's own wording when it does not reproduce the text",
            ),
            (
                "cited_for",
                "TEXT NOT NULL",
                "why the letter cites it, in the transcriber's words",
            ),
            POSITION,
        ],
        constraints: &[],
    },
    Table {
        name: "cities",
        about: "People accompanied per city, 12 August to 31 December 2019. A withheld count is empty, never 0.",
        columns: &[
            ("id", "TEXT PRIMARY KEY", "stable identifier (kebab-case)"),
            ("name", "TEXT NOT NULL", "city as printed, corrected"),
            (
                "region_code",
                "TEXT NOT NULL REFERENCES regions (code)",
                "the city's region (added by the transcriber: the letter does not print it)",
            ),
            ("count", "INTEGER", field::COUNT.meaning),
            (
                "withheld",
                "INTEGER NOT NULL CHECK (withheld IN (0, 1))",
                field::WITHHELD.meaning,
            ),
            (
                "withheld_note",
                "TEXT",
                "the transcriber's note on the withholding, quoting the letter",
            ),
            POSITION,
        ],
        constraints: &["CHECK ((count IS NULL) = (withheld = 1))"],
    },
    Table {
        name: "city_withheld_articles",
        about: "The articles a withheld count was refused under.",
        columns: &[
            (
                "city_id",
                "TEXT NOT NULL REFERENCES cities (id)",
                "the withheld city",
            ),
            (
                "article_number",
                "TEXT NOT NULL REFERENCES articles (number)",
                "an article invoked",
            ),
            (
                "position",
                "INTEGER NOT NULL",
                "order among the articles invoked, from 1",
            ),
        ],
        constraints: &["PRIMARY KEY (city_id, article_number)"],
    },
    Table {
        name: "funding",
        about: "The additional-funding table of the answer to question 2.",
        columns: &[
            ("id", "TEXT PRIMARY KEY", "stable identifier"),
            (
                "organisation",
                "TEXT NOT NULL",
                "the organisation as the table prints it",
            ),
            (
                "organisation_id",
                "TEXT REFERENCES organisations (id)",
                "the annex's organisation it is; empty when not in the annex",
            ),
            (
                "amount_cad",
                "INTEGER NOT NULL",
                "amount in Canadian dollars",
            ),
            POSITION,
        ],
        constraints: &[],
    },
    Table {
        name: "questions",
        about: "The three questions of the access request.",
        columns: &[
            ("number", "INTEGER PRIMARY KEY", "the question's number"),
            ("text", "TEXT NOT NULL", "the question, corrected"),
        ],
        constraints: &[],
    },
    Table {
        name: "answers",
        about: "How the ministry answered each question, in one or more parts.",
        columns: &[
            (
                "question_number",
                "INTEGER NOT NULL REFERENCES questions (number)",
                "the question answered",
            ),
            (
                "position",
                "INTEGER NOT NULL",
                "order of the part among the question's answers, from 1",
            ),
            (
                "outcome",
                "TEXT NOT NULL CHECK (outcome IN ('answered', 'answered_elsewhere', 'not_held', 'partly_refused'))",
                "answered, answered_elsewhere, not_held or partly_refused",
            ),
            ("text", "TEXT NOT NULL", "the answer, quoting the letter"),
            (
                "reference_request",
                "TEXT",
                "another access request the answer points to",
            ),
        ],
        constraints: &["PRIMARY KEY (question_number, position)"],
    },
    Table {
        name: "answer_articles",
        about: "The articles each answer invokes.",
        columns: &[
            ("question_number", "INTEGER NOT NULL", "the question"),
            (
                "answer_position",
                "INTEGER NOT NULL",
                "the answer's position among the question's answers",
            ),
            (
                "article_number",
                "TEXT NOT NULL REFERENCES articles (number)",
                "an article invoked",
            ),
        ],
        constraints: &[
            "PRIMARY KEY (question_number, answer_position, article_number)",
            "FOREIGN KEY (question_number, answer_position) REFERENCES answers (question_number, position)",
        ],
    },
    Table {
        name: "sources",
        about: "Every value's source: the lines of the raw OCR (assets/ocr.txt) it was read from, OCR errors included. \
                The column named after the part's table says whose lines they are.",
        columns: &[
            ("id", "INTEGER PRIMARY KEY", "row number"),
            (
                "part",
                "TEXT NOT NULL",
                "what the lines are the source of: region, organisation, city, funding, article, question, answer, or a part of the letter (law, headcount_period, caveat, deployment_note, review, signatory)",
            ),
            (
                "region_code",
                "TEXT REFERENCES regions (code)",
                "the region, for part = region",
            ),
            (
                "organisation_id",
                "TEXT REFERENCES organisations (id)",
                "the organisation, for part = organisation",
            ),
            (
                "city_id",
                "TEXT REFERENCES cities (id)",
                "the city, for part = city",
            ),
            (
                "funding_id",
                "TEXT REFERENCES funding (id)",
                "the funding row, for part = funding",
            ),
            (
                "article_number",
                "TEXT REFERENCES articles (number)",
                "the article, for part = article",
            ),
            (
                "question_number",
                "INTEGER REFERENCES questions (number)",
                "the question, for part = question or answer",
            ),
            (
                "answer_position",
                "INTEGER",
                "the answer's position, for part = answer",
            ),
            (
                "position",
                "INTEGER NOT NULL",
                "order of the line among the part's lines, from 1",
            ),
            (
                "line",
                "INTEGER NOT NULL",
                "1-based line number in the raw OCR",
            ),
            (
                "text",
                "TEXT NOT NULL",
                "the raw OCR text, or the part of the line the value comes from",
            ),
        ],
        constraints: &[
            "FOREIGN KEY (question_number, answer_position) REFERENCES answers (question_number, position)",
        ],
    },
];

pub(crate) const VIEWS: &[View] = &[
    View {
        name: "organisations_by_region",
        about: "Which organisations serve each region: one row per listing, in the annex's order.",
        select: "SELECT r.code AS region_code, r.name AS region, o.id AS organisation_id, \
                 o.name AS organisation, o.acronym AS acronym, \
                 (SELECT count(*) FROM organisation_regions x WHERE x.organisation_id = o.id) AS regions_listed \
                 FROM organisation_regions m \
                 JOIN regions r ON r.code = m.region_code \
                 JOIN organisations o ON o.id = m.organisation_id \
                 ORDER BY r.position, o.position",
        columns: &[
            ("region_code", "the region's code"),
            ("region", "the region's name"),
            ("organisation_id", "the organisation"),
            ("organisation", "its name"),
            ("acronym", "its acronym, when printed"),
            (
                "regions_listed",
                "how many regions the organisation is listed under",
            ),
        ],
    },
    View {
        name: "headcounts",
        about: "People accompanied per city with its region; a withheld row has no count, and the articles it was refused under.",
        select: "SELECT c.id AS city_id, c.name AS city, r.code AS region_code, r.name AS region, \
                 c.count AS count, c.withheld AS withheld, \
                 (SELECT group_concat(article_number, ';') FROM \
                   (SELECT w.article_number FROM city_withheld_articles w \
                    WHERE w.city_id = c.id ORDER BY w.position)) AS withheld_articles, \
                 c.withheld_note AS withheld_note \
                 FROM cities c JOIN regions r ON r.code = c.region_code \
                 ORDER BY c.position",
        columns: &[
            ("city_id", "the city"),
            ("city", "its name"),
            ("region_code", "its region's code"),
            ("region", "its region's name"),
            (field::COUNT.name, field::COUNT.meaning),
            (field::WITHHELD.name, field::WITHHELD.meaning),
            (
                field::WITHHELD_ARTICLES.name,
                field::WITHHELD_ARTICLES.meaning,
            ),
            ("withheld_note", "the transcriber's note on the withholding"),
        ],
    },
    View {
        name: "region_summary",
        about: "Each region's figures, computed by pap-tui from the letter's rows (the letter prints no sum by region): \
                organisations, listed cities, the known count (NULL, never 0, when the letter gives no count: \
                no city listed, or every city withheld) and the withheld cities with their articles.",
        select: "SELECT r.code AS code, r.name AS name, \
                 (SELECT count(*) FROM organisation_regions m WHERE m.region_code = r.code) AS organisations, \
                 (SELECT count(*) FROM cities c WHERE c.region_code = r.code) AS listed_cities, \
                 (SELECT sum(c.count) FROM cities c WHERE c.region_code = r.code) AS known_count, \
                 (SELECT count(*) FROM cities c WHERE c.region_code = r.code AND c.withheld = 1) AS withheld_cities, \
                 (SELECT group_concat(article_number, ';') FROM \
                   (SELECT w.article_number FROM city_withheld_articles w \
                    JOIN cities c ON c.id = w.city_id WHERE c.region_code = r.code \
                    GROUP BY w.article_number ORDER BY min(c.position), min(w.position))) AS withheld_articles \
                 FROM regions r ORDER BY r.position",
        columns: &[
            (field::REGION_CODE.name, field::REGION_CODE.meaning),
            (field::REGION_NAME.name, field::REGION_NAME.meaning),
            (field::ORGANISATIONS.name, field::ORGANISATIONS.meaning),
            (field::LISTED_CITIES.name, field::LISTED_CITIES.meaning),
            (field::KNOWN_COUNT.name, field::KNOWN_COUNT.meaning),
            (field::WITHHELD_CITIES.name, field::WITHHELD_CITIES.meaning),
            (
                field::WITHHELD_ARTICLES.name,
                field::WITHHELD_ARTICLES.meaning,
            ),
        ],
    },
];

impl Table {
    pub(crate) fn create(&self) -> String {
        let mut lines: Vec<String> = self
            .columns
            .iter()
            .map(|(name, sql, _)| format!("  {name} {sql}"))
            .collect();
        lines.extend(self.constraints.iter().map(|c| format!("  {c}")));
        format!("CREATE TABLE {} (\n{}\n);\n", self.name, lines.join(",\n"))
    }
}

impl View {
    pub(crate) fn create(&self) -> String {
        format!("CREATE VIEW {} AS {};\n", self.name, self.select)
    }
}

/// The whole schema, tables then views.
pub(crate) fn create_all() -> String {
    TABLES
        .iter()
        .map(Table::create)
        .chain(VIEWS.iter().map(View::create))
        .collect()
}
