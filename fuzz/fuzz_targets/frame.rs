//! The kept first frame's reader on arbitrary bytes: `frame_in_payload` never
//! panics, a frame it accepts fills its area with symbols of at most two
//! columns and no control character (what may be written to a terminal), and
//! written again it reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pap_tui::cache::{frame_in_payload, frame_payload};
use unicode_width::UnicodeWidthStr;

fuzz_target!(|bytes: &[u8]| {
    let Some((fingerprint, buffer)) = frame_in_payload(bytes) else {
        return;
    };
    let area = buffer.area;
    assert_eq!(
        buffer.content.len(),
        usize::from(area.width) * usize::from(area.height)
    );
    for cell in &buffer.content {
        let symbol = cell.symbol();
        assert!(!symbol.chars().any(char::is_control), "{symbol:?}");
        assert!(symbol.width() <= 2, "{symbol:?}");
    }
    let again = frame_in_payload(&frame_payload(fingerprint, &buffer));
    assert_eq!(again, Some((fingerprint, buffer)));
});
