//! The `pap-tui` binary as scripts use it: every subcommand, format and exit
//! status, hostile datasets and closed pipes. Every run sets the locale
//! variables explicitly, so the results never depend on the user's locale.

#[path = "cli/support.rs"]
mod support;

#[path = "cli/rfc4180.rs"]
mod rfc4180;

#[path = "cli/basics.rs"]
mod basics;

#[path = "cli/lists.rs"]
mod lists;

#[path = "cli/search.rs"]
mod search;

#[path = "cli/cache.rs"]
mod cache;

#[path = "cli/stdin.rs"]
mod stdin;

#[path = "cli/export.rs"]
mod export;

#[path = "cli/geojson.rs"]
mod geojson;

#[path = "cli/cite.rs"]
mod cite;

#[path = "cli/starred.rs"]
mod starred;

#[path = "cli/validate.rs"]
mod validate;

#[path = "cli/broken.rs"]
mod broken;
#[path = "cli/provenance.rs"]
mod provenance;

#[path = "cli/hostile.rs"]
mod hostile;

#[path = "cli/pipe.rs"]
mod pipe;

#[path = "cli/sqlite.rs"]
mod sqlite;

#[path = "cli/generate.rs"]
mod generate;

#[path = "cli/readme.rs"]
mod readme;

#[path = "cli/scripts.rs"]
mod scripts;

#[path = "cli/harm.rs"]
mod harm;
