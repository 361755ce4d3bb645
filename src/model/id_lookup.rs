//! Looking up values by entity id without a hash map.
//!
//! The formulas and views often need "the value of this id" for every item of a
//! list. A sorted vector with binary search is as fast here as a hash map and brings
//! no hash table code per key type into the WebAssembly bundle.

/// Values by id, sorted once, looked up by binary search.
pub struct IdLookup<'ids, T> {
    entries: Vec<(&'ids str, T)>,
}

impl<'ids, T: Copy> IdLookup<'ids, T> {
    pub fn new(mut entries: Vec<(&'ids str, T)>) -> IdLookup<'ids, T> {
        entries.sort_unstable_by(|left, right| left.0.cmp(right.0));
        IdLookup { entries }
    }

    /// The value of `id`; with repeated ids, one of theirs.
    pub fn get(&self, id: &str) -> Option<T> {
        self.entries
            .binary_search_by(|entry| entry.0.cmp(id))
            .ok()
            .map(|found| self.entries[found].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_id_and_nothing_else() {
        let lookup = IdLookup::new(vec![("c", 3), ("a", 1), ("b", 2)]);
        assert_eq!(lookup.get("a"), Some(1));
        assert_eq!(lookup.get("b"), Some(2));
        assert_eq!(lookup.get("c"), Some(3));
        assert_eq!(lookup.get("d"), None);
        assert_eq!(IdLookup::<u8>::new(Vec::new()).get("a"), None);
    }
}
