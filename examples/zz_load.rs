use std::time::Instant;
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    for _ in 0..5 {
        let t = Instant::now();
        let bytes = pap_tui::data::read(std::path::Path::new(&path)).unwrap();
        let t1 = t.elapsed();
        let loaded =
            pap_tui::data::parse_bytes(&bytes, pap_tui::data::Origin::File(path.clone().into()))
                .unwrap();
        let t2 = t.elapsed();
        let index = pap_tui::search::Index::build(&loaded.dataset);
        let t3 = t.elapsed();
        let hits = index
            .search(&pap_tui::search::Query::parse("montreal"))
            .len();
        let t4 = t.elapsed();
        println!(
            "read {:?} parse+validate {:?} index {:?} search {:?} ({hits})",
            t1,
            t2 - t1,
            t3 - t2,
            t4 - t3
        );
        std::mem::forget(index);
        std::mem::forget(loaded);
    }
}
