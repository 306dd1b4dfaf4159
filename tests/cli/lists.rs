//! The list subcommands in every format, the withheld counts, and `--region`.

use serde_json::Value;

use crate::rfc4180;
use crate::support::{
    assert_columns_aligned, cities_rows, embedded, funding_rows, organisations_rows, pap,
    regions_rows,
};

const LISTS: [&str; 5] = ["regions", "organisations", "cities", "funding", "articles"];

#[test]
fn funding_text_is_aligned_by_display_width() {
    // "Montréal" and "Néo" are one byte longer than they are wide: byte-counted
    // padding would shift those amounts one column left.
    assert_eq!(
        pap(&["funding"]).ok(),
        "\
ORGANISATION                                         AMOUNT
Centre d'action socio-communautaire de Montréal      $4,200
Centre social d'aide aux immigrants (CSAI)           $4,200
Service d'aide aux Néo-Canadiens (Sherbrooke) inc.   $5,000
Σ Total                                             $13,400

Σ computed by pap-tui: the letter prints no such figure
"
    );
    assert_eq!(
        pap(&["funding", "--lang", "fr"]).ok(),
        "\
ORGANISME                                            MONTANT
Centre d'action socio-communautaire de Montréal      4 200 $
Centre social d'aide aux immigrants (CSAI)           4 200 $
Service d'aide aux Néo-Canadiens (Sherbrooke) inc.   5 000 $
Σ Total                                             13 400 $

Σ calculé par pap-tui : la lettre n'imprime pas ce chiffre
"
    );
}

#[test]
fn text_tables_are_aligned_by_display_width() {
    let data = embedded();
    assert_columns_aligned(&pap(&["regions"]).ok(), &regions_rows(&data), &[2, 3]);
    assert_columns_aligned(
        &pap(&["organisations"]).ok(),
        &organisations_rows(&data),
        &[],
    );
    assert_columns_aligned(&pap(&["cities"]).ok(), &cities_rows(&data), &[2]);
    assert_columns_aligned(&pap(&["funding"]).ok(), &funding_rows(&data), &[1]);
}

#[test]
fn withheld_counts_show_their_articles_never_zero() {
    let en = pap(&["cities"]).ok();
    let fr = pap(&["villes", "--lang", "fr"]).ok();
    for (out, marker) in [
        (&en, "  █ withheld — s. 53, 54"),
        (&fr, "  █ caviardé — art. 53, 54"),
    ] {
        // Header, 17 cities, the total, and the legend of Σ after a blank line.
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 21, "{out}");
        assert_eq!(lines.iter().filter(|l| l.ends_with(marker)).count(), 12);
        for line in &lines[1..18] {
            assert!(!line.ends_with(" 0"), "{line}");
        }
    }
    let line = |out: &str, city: &str| {
        out.lines()
            .find(|l| l.starts_with(city))
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(line(&en, "Laval"), "Laval Laval 61");
    assert_eq!(
        line(&en, "Montréal"),
        "Montréal Montréal █ withheld — s. 53, 54"
    );
    assert_eq!(
        line(&fr, "Longueuil"),
        "Longueuil Montérégie █ caviardé — art. 53, 54"
    );
    assert_eq!(
        line(&en, "Σ Total"),
        "Σ Total Σ 217 + 12 withheld — s. 53, 54"
    );
    assert_eq!(
        line(&fr, "Σ Total"),
        "Σ Total Σ 217 + 12 caviardées — art. 53, 54"
    );
}

#[test]
fn region_accepts_a_code_or_a_name_without_accents() {
    let by_code = pap(&["organisations", "--region", "14"]).ok();
    let ids: Vec<&str> = by_code
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        ids,
        [
            "perspectives-carrieres",
            "cred-lanaudiere",
            "safima",
            "accueil-multiethnique-terrebonne-mascouche"
        ]
    );
    for name in [
        "lanaudiere",
        "Lanaudière",
        "LANAUDIERE",
        " 14 ",
        "naudi",
        "014",
    ] {
        let out = pap(&["organisations", "--region", name]).ok();
        assert_eq!(out, by_code, "--region {name:?}");
    }
    assert_eq!(
        pap(&["cities", "--region", "lanaudiere"]).ok(),
        "\
CITY        REGION                 ACCOMPANIED
Terrebonne  Lanaudière  █ withheld — s. 53, 54
Σ Total                 1 withheld — s. 53, 54

Σ computed by pap-tui: the letter prints no such figure
"
    );
    assert_eq!(
        pap(&["regions", "--region", "14"]).ok(),
        "\
CODE  REGION      ORGANISATIONS             ACCOMPANIED
14    Lanaudière              4  1 withheld — s. 53, 54

Σ computed by pap-tui: the letter prints no such figure
"
    );
    let run = pap(&["funding", "--region", "estrie", "--format", "csv"]).code(0);
    assert_eq!(
        run.stdout,
        "id,organisation,organisation_id,amount_cad\r\n\
funding-3,Service d'aide aux Néo-Canadiens (Sherbrooke) inc.,sanc,5000\r\n"
    );
    // The row whose organisation is not in the annex is said to be left out.
    assert_eq!(
        run.stderr,
        "pap-tui: 1 funding row(s) left out, not linked to an organisation of the annex \
so in no region: Centre d'action socio-communautaire de Montréal\n"
    );
    // Header, three rows, the total, a blank line and the legend of Σ: no
    // note of rows left out without --region.
    assert_eq!(
        pap(&["funding"]).ok().lines().count(),
        7,
        "no note without --region"
    );
}

#[test]
fn ambiguous_or_unknown_region_is_an_error() {
    for list in LISTS.iter().filter(|&&l| l != "articles") {
        let err = pap(&[list, "--region", "mont"]).error();
        assert_eq!(
            err,
            "pap-tui: \"mont\" matches several regions: Montréal (06), Montérégie (16); \
give a code or a longer name\n",
            "{list}"
        );
    }
    for query in ["atlantis", "99", ""] {
        let err = pap(&["cities", "--region", query]).error();
        assert!(
            err.starts_with(&format!("pap-tui: no region matches \"{query}\"")),
            "{err}"
        );
        assert!(err.contains("pap-tui regions"), "{err}");
    }
}

#[test]
fn articles_refuse_a_region_rather_than_ignore_it() {
    let err = pap(&["articles", "--region", "14"]).error();
    assert_eq!(
        err,
        "pap-tui: articles apply to every region; run `pap-tui articles` without --region\n"
    );
}

#[test]
fn csv_has_a_header_and_one_record_per_entry() {
    let data = embedded();
    let (header, rows) = rfc4180::table(&pap(&["regions", "--format", "csv"]).ok());
    assert_eq!(
        header,
        [
            "code",
            "name",
            "organisations",
            "listed_cities",
            "known_count",
            "withheld_cities",
            "withheld_articles"
        ]
    );
    assert_eq!(rows.len(), 17);
    let row = |code: &str| rows.iter().find(|r| r[0] == code).cloned().unwrap();
    assert_eq!(row("13"), ["13", "Laval", "3", "1", "61", "0", ""]);
    assert_eq!(row("06"), ["06", "Montréal", "11", "1", "", "1", "53;54"]);
    assert_eq!(
        row("16"),
        ["16", "Montérégie", "8", "3", "40", "2", "53;54"]
    );
    assert_eq!(
        row("01"),
        ["01", "Bas-Saint-Laurent", "0", "0", "", "0", ""]
    );

    let (header, rows) = rfc4180::table(&pap(&["organisations", "--format", "csv"]).ok());
    assert_eq!(
        header,
        ["id", "name", "acronym", "regions", "region_names", "note"]
    );
    assert_eq!(rows.len(), 58);
    let safima = rows.iter().find(|r| r[0] == "safima").unwrap();
    assert_eq!(
        safima[..5],
        [
            "safima",
            data.organisation("safima").unwrap().name.as_str(),
            "SAFIMA",
            "14",
            "Lanaudière"
        ]
    );
    let perspectives = rows
        .iter()
        .find(|r| r[0] == "perspectives-carrieres")
        .unwrap();
    assert_eq!(perspectives[3], "15;14;13");
    assert_eq!(perspectives[4], "Laurentides;Lanaudière;Laval");
    // Notes hold commas and quotes: they survive quoting intact.
    assert_eq!(
        perspectives[5],
        data.organisation("perspectives-carrieres")
            .and_then(|o| o.note.clone())
            .unwrap()
    );

    let (header, rows) = rfc4180::table(&pap(&["cities", "--format", "csv"]).ok());
    assert_eq!(
        header,
        [
            "id",
            "name",
            "region",
            "region_name",
            "count",
            "withheld",
            "withheld_articles"
        ]
    );
    assert_eq!(rows.len(), 17);
    let withheld: Vec<_> = rows.iter().filter(|r| r[4].is_empty()).collect();
    assert_eq!(withheld.len(), 12);
    assert!(
        withheld.iter().all(|r| r[5] == "true" && r[6] == "53;54"),
        "{withheld:?}"
    );
    assert!(rows.iter().all(|r| r[4] != "0"));
    let laval = rows.iter().find(|r| r[0] == "laval").unwrap();
    assert_eq!(laval, &["laval", "Laval", "13", "Laval", "61", "false", ""]);
    let known: u64 = rows.iter().filter_map(|r| r[4].parse::<u64>().ok()).sum();
    assert_eq!(known, 217);

    let (header, rows) = rfc4180::table(&pap(&["funding", "--format", "csv"]).ok());
    assert_eq!(
        header,
        ["id", "organisation", "organisation_id", "amount_cad"]
    );
    let amounts: Vec<&str> = rows.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(amounts, ["4200", "4200", "5000"]);

    let (header, rows) = rfc4180::table(&pap(&["articles", "--format", "csv"]).ok());
    assert_eq!(
        header,
        ["number", "text", "history", "paraphrase", "cited_for"]
    );
    let numbers: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["1", "53", "54"]);
    // Article 53's text has line breaks: one quoted field, not several records.
    assert_eq!(
        rows[1][1],
        data.article("53").unwrap().text.clone().unwrap()
    );
}

#[test]
fn json_is_the_model_and_stable() {
    let data = embedded();
    let expected = [
        ("organisations", serde_json::to_value(&data.organisations)),
        ("funding", serde_json::to_value(&data.funding)),
        ("articles", serde_json::to_value(&data.articles)),
    ];
    for (list, want) in expected {
        let first = pap(&[list, "--format", "json"]).ok();
        let value: Value = serde_json::from_str(&first).unwrap_or_else(|e| panic!("{list}: {e}"));
        assert_eq!(value, want.unwrap(), "{list}");
        assert_eq!(pap(&[list, "--format", "json"]).ok(), first, "{list}");
    }
    let lanaudiere: Value =
        serde_json::from_str(&pap(&["cities", "--region", "14", "--format", "json"]).ok()).unwrap();
    assert_eq!(lanaudiere.as_array().map(Vec::len), Some(1));
    assert_eq!(lanaudiere[0]["id"], "terrebonne");
    assert_eq!(lanaudiere[0]["count"], Value::Null);
    assert_eq!(lanaudiere[0]["withheld"], true);
    assert_eq!(
        lanaudiere[0]["withheld_articles"],
        serde_json::json!(["53", "54"])
    );
    // Regions and cities carry the data dictionary's fields, stable too.
    for list in ["regions", "cities"] {
        let first = pap(&[list, "--format", "json"]).ok();
        assert_eq!(pap(&[list, "--format", "json"]).ok(), first, "{list}");
    }
    let regions: Value = serde_json::from_str(&pap(&["regions", "--format", "json"]).ok()).unwrap();
    let region = |code: &str| {
        regions
            .as_array()
            .and_then(|all| all.iter().find(|r| r["code"] == code))
            .cloned()
            .unwrap()
    };
    assert_eq!(region("06")["known_count"], Value::Null);
    assert_eq!(region("06")["withheld_cities"], 1);
    assert_eq!(region("09")["known_count"], Value::Null);
    assert_eq!(region("09")["listed_cities"], 0);
    assert_eq!(region("16")["known_count"], 40);
}

#[test]
fn articles_text_gives_number_text_and_reason() {
    let en = pap(&["articles"]).ok();
    assert!(en.starts_with("Article 1\nAs the letter puts it: "), "{en}");
    assert_eq!(
        en.matches("\nCited for (transcriber's summary): ").count(),
        3,
        "{en}"
    );
    assert!(en.contains("Article 53\nLes renseignements personnels sont confidentiels"));
    let fr = pap(&["articles", "--lang", "fr"]).ok();
    assert!(fr.starts_with("Article 1\nSelon la lettre : "), "{fr}");
    assert_eq!(
        fr.matches("\nCité pour (résumé de la transcription) : ")
            .count(),
        3,
        "{fr}"
    );
}

#[test]
fn unreadable_data_is_an_error_for_every_list() {
    for list in LISTS {
        for format in ["text", "csv", "json"] {
            let err = pap(&["--data", "/nonexistent/pap.json", list, "--format", format]).error();
            assert!(
                err.starts_with("pap-tui: /nonexistent/pap.json: cannot read the dataset"),
                "{err}"
            );
        }
    }
}

#[test]
fn markdown_lists_quote_their_rows_with_the_ocr_lines_they_come_from() {
    // The lines of the annex's Lanaudière section (195–199) alone: Perspectives
    // Carrières is also listed under Laurentides (191) and Laval (201).
    let out = pap(&[
        "organisations",
        "--region",
        "lanaudiere",
        "--format",
        "markdown",
    ])
    .ok();
    assert_eq!(
        out,
        "| ID | NAME | REGIONS |\n| --- | --- | --- |\n\
| perspectives-carrieres | Perspectives Carrières | Laurentides, Lanaudière, Laval |\n\
| cred-lanaudiere | Comité régional d'éducation pour le développement international de Lanaudière | Lanaudière |\n\
| safima | Service d'aide à la famille immigrante de la MRC de L'Assomption (SAFIMA) | Lanaudière |\n\
| accueil-multiethnique-terrebonne-mascouche | Accueil multiethnique et intégration des nouveaux arrivants à Terrebonne et Mascouche | Lanaudière |\n\
\nSource: MIFI, access-to-information decision 18159, 6 February 2020 — \
annex \"Organismes par régions\", Lanaudière (OCR l. 195–197, 199).\n"
    );
    let fr = pap(&[
        "cities", "--region", "16", "--format", "markdown", "--lang", "fr",
    ])
    .ok();
    assert_eq!(
        fr,
        "| id | name | region | region\\_name | count | withheld | withheld\\_articles | ACCOMPAGNÉES |\n\
| --- | --- | --- | --- | --- | --- | --- | ---: |\n\
| brossard | Brossard | 16 | Montérégie | 40 | false |  | 40 |\n\
| longueuil | Longueuil | 16 | Montérégie |  | true | 53;54 | █ caviardé — art. 53, 54 |\n\
| saint-constant | Saint-Constant | 16 | Montérégie |  | true | 53;54 | █ caviardé — art. 53, 54 |\n\
|  | Σ Total |  |  |  |  |  | Σ 40 + 2 caviardées — art. 53, 54 |\n\
\nΣ calculé par pap-tui : la lettre n'imprime pas ce chiffre\n\
\nSource : MIFI, décision d'accès à l'information 18159, 6 février 2020 — \
question 3 de la demande et sa réponse (OCR l. 50–53, 55) ; \
tableau des personnes immigrantes accompagnées (OCR l. 68, 72, 88).\n"
    );
}

#[test]
fn every_list_in_markdown_has_its_rows_and_the_decision() {
    for list in LISTS {
        for (lang, decision) in [
            (
                "en",
                "Source: MIFI, access-to-information decision 18159, 6 February 2020 — ",
            ),
            (
                "fr",
                "Source : MIFI, décision d'accès à l'information 18159, 6 février 2020 — ",
            ),
        ] {
            let md = pap(&[list, "--format", "markdown", "--lang", lang]).ok();
            let last = md.lines().last().unwrap_or_default();
            assert!(
                last.starts_with(decision) && last.ends_with(")."),
                "{list}: {last}"
            );
            if list == "articles" {
                assert!(md.contains("\n### Article 53\n\n"), "{md}");
                continue;
            }
            // The text table's header and rows (and total), plus the rule;
            // the legend of Σ under the table is no row.
            let text = pap(&[list, "--lang", lang]).ok();
            let table_lines = text.lines().take_while(|l| !l.is_empty()).count();
            let rows = md.lines().filter(|l| l.starts_with("| ")).count();
            assert_eq!(rows, table_lines + 1, "{list} {lang}:\n{md}\n{text}");
        }
    }
}
