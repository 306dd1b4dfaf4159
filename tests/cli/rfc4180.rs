//! A strict RFC 4180 reader, small enough to trust: records end with CRLF,
//! a field holding a comma, a quote or a line break is quoted, and a quote inside
//! a quoted field is doubled. Anything else is an error, not a guess.

/// Every record of `text`, fields unquoted.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut records = Vec::new();
    if chars.is_empty() {
        return Ok(records);
    }
    let mut record = Vec::new();
    let mut i = 0;
    loop {
        let at = |i: usize| format!("record {}, char {i}", records.len() + 1);
        let mut field = String::new();
        if chars.get(i) == Some(&'"') {
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err(format!("unterminated quoted field ({})", at(i))),
                    Some('"') if chars.get(i + 1) == Some(&'"') => {
                        field.push('"');
                        i += 2;
                    }
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        field.push(c);
                        i += 1;
                    }
                }
            }
        } else {
            while let Some(&c) = chars.get(i) {
                match c {
                    ',' | '\r' => break,
                    '"' => return Err(format!("quote in an unquoted field ({})", at(i))),
                    '\n' => return Err(format!("line feed outside quotes ({})", at(i))),
                    c => {
                        field.push(c);
                        i += 1;
                    }
                }
            }
        }
        record.push(field);
        match (chars.get(i), chars.get(i + 1)) {
            (Some(','), _) => i += 1,
            (Some('\r'), Some('\n')) => {
                i += 2;
                records.push(std::mem::take(&mut record));
                if i == chars.len() {
                    return Ok(records);
                }
            }
            (None, _) => {
                records.push(record);
                return Ok(records);
            }
            (Some(c), _) => return Err(format!("{c:?} after a field ({})", at(i))),
        }
    }
}

/// A CSV output: header and rows, each row as long as the header, the last
/// record ended by CRLF like the others.
#[track_caller]
pub fn table(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(
        text.ends_with("\r\n"),
        "CSV does not end with CRLF: {text:?}"
    );
    let mut records = parse(text).unwrap_or_else(|e| panic!("invalid CSV: {e}\n{text}"));
    assert!(!records.is_empty(), "CSV without a header row");
    let header = records.remove(0);
    for (n, row) in records.iter().enumerate() {
        assert_eq!(
            row.len(),
            header.len(),
            "row {} has {} fields, the header {}: {row:?}",
            n + 1,
            row.len(),
            header.len()
        );
    }
    (header, records)
}

#[test]
fn reader_follows_rfc_4180() {
    let text = "a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\r\n";
    assert_eq!(
        parse(text).unwrap(),
        [
            vec!["a", "b", "c"],
            vec!["x,1", "say \"hi\"", "two\nlines"],
            vec!["", "", ""],
        ]
    );
    assert_eq!(parse("a,b").unwrap(), [vec!["a", "b"]]);
}

#[test]
fn reader_rejects_what_rfc_4180_forbids() {
    for bad in [
        "a\nb\r\n",
        "a\"b\r\n",
        "\"open\r\n",
        "\"a\"b\r\n",
        "a\rb\r\n",
    ] {
        assert!(parse(bad).is_err(), "{bad:?} accepted");
    }
}
