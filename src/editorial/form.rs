//! Structured content as a form: every value of a TOML file (or of an
//! article's front matter) becomes a field, Welsh and English values of one
//! thing side by side, and the submitted fields are written back into the
//! file with `toml_edit`, so comments, order and layout stay as they were.
//!
//! Fields are named by their place in the file: `name.cy`,
//! `contact.phone`, `questions[2].answers[1].label.en` (lists of tables
//! count from 1).

use std::collections::HashMap;

use serde::Serialize;
use toml_edit::{DocumentMut, Item, Value};

use crate::lang::Lang;

/// How a field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// A paragraph or more.
    LongText,
    /// A list of values, one per line.
    List,
    /// Yes or no.
    Bool,
    /// A date (`YYYY-MM-DD`), or `false` where the kind allows it.
    Date,
    /// A whole number.
    Integer,
    /// A number.
    Number,
}

/// One value of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// Its place in the file, and the form field's name.
    pub key: String,
    /// How it is edited.
    pub kind: FieldKind,
    /// Its value as the form shows it (lists: one item per line).
    pub value: String,
}

/// A row of the form, in the file's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "row", rename_all = "snake_case")]
pub enum Row {
    /// The start of a group (a table, or one entry of a list of tables).
    Group {
        /// Its place in the file.
        key: String,
        /// How deep it is (1: top level).
        depth: usize,
    },
    /// A value in no particular language.
    Single {
        /// The value.
        field: Field,
    },
    /// One thing in Welsh and English.
    Pair {
        /// Its place in the file (without `.cy`/`.en`).
        key: String,
        /// The Welsh value, if the file has one.
        cy: Option<Field>,
        /// The English value, if the file has one.
        en: Option<Field>,
    },
}

/// A value the form could not take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field.
    pub key: String,
    /// What it should be (`FieldKind` of the value it replaces).
    pub expected: FieldKind,
}

/// The rows of a TOML text, or the parser's message if it does not parse.
pub fn rows(toml: &str) -> Result<Vec<Row>, String> {
    let mut doc: DocumentMut = toml
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    let mut walk = Walk {
        rows: Vec::new(),
        values: None,
        errors: Vec::new(),
        changed: false,
    };
    walk.table(doc.as_table_mut(), "", 0);
    Ok(walk.rows)
}

/// `toml` with the submitted `values` (by field key) written in. Fields not
/// submitted keep their value; a value of the wrong kind is an error and
/// nothing is changed.
pub fn apply(toml: &str, values: &HashMap<String, String>) -> Result<String, Vec<FieldError>> {
    let mut doc: DocumentMut = toml.parse().map_err(|_| Vec::new())?;
    let mut walk = Walk {
        rows: Vec::new(),
        values: Some(values),
        errors: Vec::new(),
        changed: false,
    };
    walk.table(doc.as_table_mut(), "", 0);
    if !walk.errors.is_empty() {
        Err(walk.errors)
    } else if walk.changed {
        Ok(doc.to_string())
    } else {
        // Untouched, byte for byte (toml_edit would group a table's
        // dotted keys that the file interleaves).
        Ok(toml.to_string())
    }
}

/// `toml` with one more entry at the end of the list of tables `key`: a
/// copy of its last entry with every text and list emptied.
pub fn add_entry(toml: &str, key: &str) -> Option<String> {
    let mut doc: DocumentMut = toml.parse().ok()?;
    match node_at(&mut doc, key)? {
        Node::Item(Item::ArrayOfTables(aot)) => {
            let mut last = aot.iter().last()?.clone();
            for (_, item) in last.iter_mut() {
                blank_item(item);
            }
            unposition(&mut last);
            aot.push(last);
        }
        Node::Item(Item::Value(Value::Array(a))) | Node::Value(Value::Array(a)) => {
            let mut last = a.iter().last()?.clone();
            blank_value(&mut last);
            a.push_formatted(last);
        }
        _ => return None,
    }
    Some(doc.to_string())
}

/// `toml` without entry `key` (`questions[2]`) of its list of tables.
pub fn remove_entry(toml: &str, key: &str) -> Option<String> {
    let (list, index) = key.strip_suffix(']')?.rsplit_once('[')?;
    let index = index.parse::<usize>().ok()?.checked_sub(1)?;
    let mut doc: DocumentMut = toml.parse().ok()?;
    match node_at(&mut doc, list)? {
        Node::Item(Item::ArrayOfTables(aot)) if index < aot.len() => {
            aot.remove(index);
        }
        Node::Item(Item::Value(Value::Array(a))) | Node::Value(Value::Array(a))
            if index < a.len() =>
        {
            a.remove(index);
        }
        _ => return None,
    }
    Some(doc.to_string())
}

/// The keys of a file a form can add or remove, against files of the same
/// kind (`kin`): keys they have and it lacks, and keys it has that not all
/// of them have. Keys are those at the top and inside tables
/// (`contact.phone`), not inside lists of tables; a Welsh and English pair
/// is one key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Optional {
    /// Keys to offer to add, in the order the other files first have them.
    pub addable: Vec<String>,
    /// Keys the file has that it may lose.
    pub removable: std::collections::BTreeSet<String>,
}

/// The [`Optional`] keys of `toml` among `kin` (texts that do not parse are
/// left out).
pub fn optional_keys(toml: &str, kin: &[String]) -> Optional {
    let Ok(doc) = toml.parse::<DocumentMut>() else {
        return Optional::default();
    };
    let mine = keys(&doc);
    let theirs: Vec<Vec<String>> = kin
        .iter()
        .filter_map(|t| t.parse::<DocumentMut>().ok())
        .map(|d| keys(&d))
        .collect();
    let mut out = Optional::default();
    for key in theirs.iter().flatten() {
        // A key inside a table the file lacks comes with its table.
        let parent_here = key
            .rsplit_once('.')
            .is_none_or(|(p, _)| mine.iter().any(|k| k == p));
        if !mine.contains(key) && parent_here && !out.addable.contains(key) {
            out.addable.push(key.clone());
        }
    }
    out.removable = mine
        .into_iter()
        .filter(|k| theirs.iter().any(|t| !t.contains(k)))
        .collect();
    out
}

/// `toml` with `key` added, shaped like the first of `kin` that has it, its
/// texts and lists empty.
pub fn add_key(toml: &str, key: &str, kin: &[String]) -> Option<String> {
    let mut item = kin.iter().find_map(|t| {
        let mut doc: DocumentMut = t.parse().ok()?;
        let (parent, name) = parent_table(&mut doc, key)?;
        parent.get(name).cloned()
    })?;
    blank_item(&mut item);
    match &mut item {
        Item::Table(t) => unposition(t),
        Item::Value(v) => v.decor_mut().clear(),
        _ => {}
    }
    let mut doc: DocumentMut = toml.parse().ok()?;
    let (parent, name) = parent_table(&mut doc, key)?;
    if parent.contains_key(name) {
        return None;
    }
    parent.insert(name, item);
    Some(doc.to_string())
}

/// `toml` without `key`.
pub fn remove_key(toml: &str, key: &str) -> Option<String> {
    let mut doc: DocumentMut = toml.parse().ok()?;
    let (parent, name) = parent_table(&mut doc, key)?;
    parent.remove(name)?;
    Some(doc.to_string())
}

/// The table `key` is in, and its last part.
fn parent_table<'d, 'k>(
    doc: &'d mut DocumentMut,
    key: &'k str,
) -> Option<(&'d mut toml_edit::Table, &'k str)> {
    let mut table = doc.as_table_mut();
    let mut parts = key.split('.').peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            return Some((table, part));
        }
        table = table.get_mut(part)?.as_table_mut()?;
    }
    None
}

/// A document's keys, as [`Optional`] counts them, in order.
fn keys(doc: &DocumentMut) -> Vec<String> {
    fn walk(t: &toml_edit::Table, prefix: &str, out: &mut Vec<String>) {
        for (k, item) in t.iter() {
            let key = join(prefix, k);
            out.push(key.clone());
            if let Item::Table(inner) = item
                && !is_pair(inner.iter().map(|(k, i)| (k, i.as_value())))
            {
                walk(inner, &key, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(doc.as_table(), "", &mut out);
    out
}

/// The place `key` names in `doc`.
fn node_at<'a>(doc: &'a mut DocumentMut, key: &str) -> Option<Node<'a>> {
    let mut node = Node::Item(doc.as_item_mut());
    for part in key.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        node = node.child(name)?;
        if let Some(i) = index {
            node = node.entry(i)?;
        }
    }
    Some(node)
}

/// A new item's TOML from an existing one of the same kind: every text and
/// list emptied, dates set to `today`, `id` set, and `audience` internal,
/// so nothing reaches the public by accident before its editor says so.
/// `keywords` (if the kind has them) start as given.
pub fn blank_copy(toml: &str, id: &str, today: &str, keywords: &[String]) -> Option<String> {
    let mut doc: DocumentMut = toml.parse().ok()?;
    let today: toml_edit::Datetime = today.parse().ok()?;
    for (key, item) in doc.as_table_mut().iter_mut() {
        blank_item(item);
        let keep = item.as_value().map(|v| v.decor().clone());
        let new = match (key.get(), item.as_value()) {
            ("id", _) => Some(Value::from(id)),
            ("audience", _) => Some(Value::from("internal")),
            ("verified", _) | (_, Some(Value::Datetime(_))) => Some(Value::from(today)),
            ("keywords", Some(Value::Array(_))) => {
                Some(Value::Array(keywords.iter().map(String::as_str).collect()))
            }
            _ => None,
        };
        if let Some(mut v) = new {
            if let Some(decor) = keep {
                *v.decor_mut() = decor;
            }
            *item = Item::Value(v);
        }
        // Keywords kept per language.
        if key.get() == "keywords"
            && let Some(t) = item.as_table_like_mut()
        {
            for (_, v) in t.iter_mut() {
                *v = Item::Value(Value::Array(keywords.iter().map(String::as_str).collect()));
            }
        }
    }
    for t in doc
        .as_table_mut()
        .iter_mut()
        .filter_map(|(_, i)| i.as_table_mut())
    {
        unposition(t);
    }
    Some(doc.to_string())
}

/// The lines (first and last, from 1) each value of a TOML text spans, by
/// field key, so a problem `canllaw check` reports at a line can be shown
/// next to its field.
pub fn field_lines(toml: &str) -> HashMap<String, (usize, usize)> {
    let mut out = HashMap::new();
    let Ok(doc) = toml_edit::Document::parse(toml) else {
        return out;
    };
    let line = |at: usize| toml[..at.min(toml.len())].matches('\n').count() + 1;
    let mut record = |key: &str, span: Option<std::ops::Range<usize>>| {
        if let Some(span) = span {
            out.insert(
                key.to_string(),
                (line(span.start), line(span.end.max(1) - 1)),
            );
        }
    };
    fn value(v: &Value, key: &str, record: &mut dyn FnMut(&str, Option<std::ops::Range<usize>>)) {
        match v {
            Value::InlineTable(t) => {
                for (k, v) in t.iter() {
                    value(v, &join(key, k), record);
                }
            }
            Value::Array(a) if !a.is_empty() && a.iter().all(Value::is_inline_table) => {
                for (i, v) in a.iter().enumerate() {
                    value(v, &format!("{key}[{}]", i + 1), record);
                }
            }
            v => record(key, v.span()),
        }
    }
    fn table(
        t: &toml_edit::Table,
        prefix: &str,
        record: &mut dyn FnMut(&str, Option<std::ops::Range<usize>>),
    ) {
        for (k, item) in t.iter() {
            let key = join(prefix, k);
            match item {
                Item::Table(t) => table(t, &key, record),
                Item::ArrayOfTables(a) => {
                    for (i, t) in a.iter().enumerate() {
                        table(t, &format!("{key}[{}]", i + 1), record);
                    }
                }
                Item::Value(v) => value(v, &key, record),
                Item::None => {}
            }
        }
    }
    table(doc.as_table(), "", &mut record);
    out
}

/// Splits an article or script into its front matter (TOML) and its body.
pub fn split_page(text: &str) -> Option<(&str, &str)> {
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))?;
    let end = rest.find("\n+++")?;
    let front = &rest[..end + 1];
    let body = rest[end + 4..].trim_start_matches('\r');
    let body = body.strip_prefix('\n').unwrap_or(body);
    Some((front, body))
}

/// Puts an article or script back together.
pub fn join_page(front: &str, body: &str) -> String {
    let front = front.trim_end_matches('\n');
    format!("+++\n{front}\n+++\n{body}")
}

/// Forgets where a copied table stood, so it is written after the tables
/// before it rather than beside the one it was copied from.
fn unposition(t: &mut toml_edit::Table) {
    t.set_position(None);
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(t) => unposition(t),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(unposition),
            _ => {}
        }
    }
}

fn blank_item(item: &mut Item) {
    match item {
        Item::Value(v) => blank_value(v),
        Item::Table(t) => t.iter_mut().for_each(|(_, i)| blank_item(i)),
        Item::ArrayOfTables(a) => {
            // One empty entry is enough to start from.
            while a.len() > 1 {
                a.remove(a.len() - 1);
            }
            for t in a.iter_mut() {
                t.iter_mut().for_each(|(_, i)| blank_item(i));
            }
        }
        Item::None => {}
    }
}

fn blank_value(v: &mut Value) {
    let decor = v.decor().clone();
    match v {
        Value::String(_) => *v = Value::from(""),
        Value::Array(a) if a.iter().all(|x| !x.is_inline_table()) => a.clear(),
        Value::Array(a) => a.iter_mut().for_each(blank_value),
        Value::InlineTable(t) => t.iter_mut().for_each(|(_, x)| blank_value(x)),
        _ => {}
    }
    *v.decor_mut() = decor;
}

/// A place in the document.
enum Node<'a> {
    Item(&'a mut Item),
    Table(&'a mut toml_edit::Table),
    Value(&'a mut Value),
}

impl<'a> Node<'a> {
    fn child(self, name: &str) -> Option<Node<'a>> {
        match self {
            Node::Item(Item::Table(t)) | Node::Table(t) => t.get_mut(name).map(Node::Item),
            Node::Item(Item::Value(Value::InlineTable(t))) | Node::Value(Value::InlineTable(t)) => {
                t.get_mut(name).map(Node::Value)
            }
            _ => None,
        }
    }

    /// Entry `i` (from 1) of a list of tables.
    fn entry(self, i: usize) -> Option<Node<'a>> {
        let i = i.checked_sub(1)?;
        match self {
            Node::Item(Item::ArrayOfTables(a)) => a.get_mut(i).map(Node::Table),
            Node::Item(Item::Value(Value::Array(a))) | Node::Value(Value::Array(a)) => {
                a.get_mut(i).map(Node::Value)
            }
            _ => None,
        }
    }
}

struct Walk<'v> {
    rows: Vec<Row>,
    values: Option<&'v HashMap<String, String>>,
    errors: Vec<FieldError>,
    /// Whether any submitted value differed.
    changed: bool,
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// A table whose keys are only languages, holding plain values: one thing
/// in Welsh and English.
fn is_pair<'x>(mut entries: impl Iterator<Item = (&'x str, Option<&'x Value>)>) -> bool {
    let mut any = false;
    let all = entries.all(|(k, v)| {
        any = true;
        k.parse::<Lang>().is_ok_and(|l| l.code() == k)
            && v.is_some_and(|v| !v.is_inline_table() && !is_table_array(v))
    });
    any && all
}

fn is_table_array(v: &Value) -> bool {
    v.as_array()
        .is_some_and(|a| !a.is_empty() && a.iter().all(Value::is_inline_table))
}

impl Walk<'_> {
    fn table(&mut self, t: &mut toml_edit::Table, prefix: &str, depth: usize) {
        for (k, item) in t.iter_mut() {
            let key = join(prefix, k.get());
            self.item(item, &key, depth);
        }
    }

    fn item(&mut self, item: &mut Item, key: &str, depth: usize) {
        match item {
            Item::Table(t) => {
                let pair = is_pair(t.iter().map(|(k, i)| (k, i.as_value())));
                if pair {
                    self.pair(
                        key,
                        t.iter_mut().filter_map(|(k, i)| {
                            let k = k.get().to_string();
                            i.as_value_mut().map(|v| (k, v))
                        }),
                    );
                } else {
                    self.rows.push(Row::Group {
                        key: key.to_string(),
                        depth: depth + 1,
                    });
                    self.table(t, key, depth + 1);
                }
            }
            Item::ArrayOfTables(a) => {
                for (i, t) in a.iter_mut().enumerate() {
                    let key = format!("{key}[{}]", i + 1);
                    self.rows.push(Row::Group {
                        key: key.clone(),
                        depth: depth + 1,
                    });
                    self.table(t, &key, depth + 1);
                }
            }
            Item::Value(v) => self.value(v, key, depth),
            Item::None => {}
        }
    }

    fn value(&mut self, v: &mut Value, key: &str, depth: usize) {
        match v {
            Value::InlineTable(t) => {
                if is_pair(t.iter().map(|(k, v)| (k, Some(v)))) {
                    self.pair(key, t.iter_mut().map(|(k, v)| (k.get().to_string(), v)));
                } else {
                    self.rows.push(Row::Group {
                        key: key.to_string(),
                        depth: depth + 1,
                    });
                    for (k, v) in t.iter_mut() {
                        let key = join(key, k.get());
                        self.value(v, &key, depth + 1);
                    }
                }
            }
            Value::Array(a) if !a.is_empty() && a.iter().all(Value::is_inline_table) => {
                for (i, v) in a.iter_mut().enumerate() {
                    let key = format!("{key}[{}]", i + 1);
                    if let Value::InlineTable(t) = v {
                        self.rows.push(Row::Group {
                            key: key.clone(),
                            depth: depth + 1,
                        });
                        for (k, v) in t.iter_mut() {
                            let key = join(&key, k.get());
                            self.value(v, &key, depth + 1);
                        }
                    }
                }
            }
            v => {
                let field = self.leaf(v, key);
                self.rows.push(Row::Single { field });
            }
        }
    }

    fn pair<'x>(&mut self, key: &str, entries: impl Iterator<Item = (String, &'x mut Value)>) {
        let (mut cy, mut en) = (None, None);
        for (lang, v) in entries {
            let field = self.leaf(v, &join(key, &lang));
            if lang == "cy" {
                cy = Some(field);
            } else {
                en = Some(field);
            }
        }
        self.rows.push(Row::Pair {
            key: key.to_string(),
            cy,
            en,
        });
    }

    /// Reads a plain value as a field, writing the submitted value in
    /// first when there is one.
    fn leaf(&mut self, v: &mut Value, key: &str) -> Field {
        // `verified` and `ends` are a date, or false while there is none.
        let dated = matches!(key.rsplit('.').next(), Some("verified" | "ends"));
        let kind = |v: &Value| if dated { FieldKind::Date } else { kind_of(v) };
        if let Some(new) = self.values.and_then(|values| values.get(key)) {
            let new = new.replace("\r\n", "\n");
            if new != shown(v) {
                let parsed = if dated {
                    parse_like(
                        &Value::from(toml_edit::Datetime::from(toml_edit::Date {
                            year: 2000,
                            month: 1,
                            day: 1,
                        })),
                        &new,
                    )
                } else {
                    parse_like(v, &new)
                };
                match parsed {
                    Some(mut parsed) => {
                        *parsed.decor_mut() = v.decor().clone();
                        *v = parsed;
                        self.changed = true;
                    }
                    None => self.errors.push(FieldError {
                        key: key.to_string(),
                        expected: kind(v),
                    }),
                }
            }
        }
        Field {
            key: key.to_string(),
            kind: kind(v),
            value: shown(v),
        }
    }
}

fn kind_of(v: &Value) -> FieldKind {
    match v {
        Value::String(s) if s.value().len() > 70 || s.value().contains('\n') => FieldKind::LongText,
        Value::String(_) => FieldKind::Text,
        Value::Array(_) => FieldKind::List,
        Value::Boolean(_) => FieldKind::Bool,
        Value::Datetime(_) => FieldKind::Date,
        Value::Integer(_) => FieldKind::Integer,
        Value::Float(_) => FieldKind::Number,
        Value::InlineTable(_) => FieldKind::LongText,
    }
}

/// A value as the form shows it.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.value().clone(),
        Value::Array(a) => a.iter().map(shown).collect::<Vec<_>>().join("\n"),
        Value::Boolean(b) => b.value().to_string(),
        Value::Datetime(d) => d.value().to_string(),
        Value::Integer(i) => i.value().to_string(),
        Value::Float(f) => f.value().to_string(),
        Value::InlineTable(t) => t.to_string(),
    }
}

/// `text` read as a value of the same kind as `like`. A date may also be
/// `false` (an agency's unverified details).
fn parse_like(like: &Value, text: &str) -> Option<Value> {
    let t = text.trim();
    Some(match like {
        Value::String(_) => Value::from(text),
        Value::Array(a) => {
            let first = a.iter().next();
            let mut out = toml_edit::Array::new();
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                out.push(match first {
                    Some(f @ Value::Integer(_)) => parse_like(f, line)?,
                    _ => Value::from(line),
                });
            }
            Value::Array(out)
        }
        Value::Boolean(_) | Value::Datetime(_) if t == "false" => Value::from(false),
        Value::Boolean(_) if t == "true" => Value::from(true),
        Value::Boolean(_) => return None,
        Value::Datetime(_) => Value::from(t.parse::<toml_edit::Datetime>().ok()?),
        Value::Integer(_) => Value::from(t.parse::<i64>().ok()?),
        Value::Float(_) => Value::from(t.parse::<f64>().ok()?),
        Value::InlineTable(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const AGENCY: &str = "# checked by phone\nid = \"a\"\nneeds = [\"x\", \"y\"]\n\
        welsh_service = true\nverified = 2026-11-20\n\n[name]\ncy = \"Un\"\nen = \"One\"\n\n\
        [contact]\nphone = \"0300 1\"\n";

    fn values(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_file_becomes_rows_in_its_own_order_with_languages_side_by_side() {
        let rows = rows(AGENCY).unwrap();
        let keys: Vec<String> = rows
            .iter()
            .map(|r| match r {
                Row::Group { key, .. } => format!("group {key}"),
                Row::Single { field } => format!("{} {:?}", field.key, field.kind),
                Row::Pair { key, cy, en } => {
                    format!("pair {key} {} {}", cy.is_some(), en.is_some())
                }
            })
            .collect();
        assert_eq!(
            keys,
            [
                "id Text",
                "needs List",
                "welsh_service Bool",
                "verified Date",
                "pair name true true",
                "group contact",
                "contact.phone Text",
            ]
        );
        let Row::Single { field } = &rows[1] else {
            panic!()
        };
        assert_eq!(field.value, "x\ny");
    }

    #[test]
    fn submitted_values_are_written_back_keeping_the_layout() {
        let out = apply(
            AGENCY,
            &values(&[
                ("name.cy", "Unrhyw"),
                ("needs", "x\r\n\r\nz\n"),
                ("contact.phone", "0300 2"),
                ("verified", "false"),
                ("id", "a"),
            ]),
        )
        .unwrap();
        assert!(out.starts_with("# checked by phone\nid = \"a\"\n"), "{out}");
        assert!(out.contains("needs = [\"x\", \"z\"]"), "{out}");
        assert!(out.contains("verified = false"), "{out}");
        // …and back to a date: the field is a date, or false.
        let back = apply(&out, &values(&[("verified", "2026-12-01")])).unwrap();
        assert!(back.contains("verified = 2026-12-01"), "{back}");
        let Row::Single { field } = &rows(&out).unwrap()[3] else {
            panic!()
        };
        assert_eq!(
            (field.key.as_str(), field.kind),
            ("verified", FieldKind::Date)
        );
        assert!(out.contains("cy = \"Unrhyw\"\nen = \"One\""), "{out}");
        assert!(out.contains("phone = \"0300 2\""), "{out}");
        // Text that needs quoting is quoted: no TOML can be smuggled in.
        let out = apply(AGENCY, &values(&[("name.en", "One\"\nid = \"b")])).unwrap();
        let t: toml::Table = out.parse().unwrap();
        assert_eq!(t["id"].as_str(), Some("a"));
        assert_eq!(t["name"]["en"].as_str(), Some("One\"\nid = \"b"));
        // A value of the wrong kind changes nothing.
        let e = apply(
            AGENCY,
            &values(&[("verified", "next week"), ("welsh_service", "maybe")]),
        )
        .unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].expected, FieldKind::Bool);
    }

    #[test]
    fn lists_of_tables_and_inline_pairs_are_numbered_and_can_grow() {
        let flow = "id = \"f\"\n[[questions]]\nid = \"q1\"\n\
                    text = { cy = \"Cwestiwn\", en = \"Question\" }\n  [[questions.answers]]\n  \
                    label = { cy = \"Ie\", en = \"Yes\" }\n  next = \"q1\"\n";
        let rows = rows(flow).unwrap();
        assert!(rows.contains(&Row::Group {
            key: "questions[1].answers[1]".into(),
            depth: 2
        }));
        let out = apply(
            flow,
            &values(&[("questions[1].answers[1].label.en", "Yes, I have")]),
        )
        .unwrap();
        assert!(out.contains("en = \"Yes, I have\""), "{out}");
        let grown = add_entry(flow, "questions[1].answers").unwrap();
        let t: toml::Table = grown.parse().unwrap();
        assert_eq!(t["questions"][0]["answers"].as_array().unwrap().len(), 2);
        let shrunk = remove_entry(&add_entry(flow, "questions").unwrap(), "questions[1]").unwrap();
        let t: toml::Table = shrunk.parse().unwrap();
        assert_eq!(t["questions"].as_array().unwrap().len(), 1);
        assert_eq!(
            t["questions"][0]["id"].as_str(),
            Some(""),
            "the first one went"
        );
        assert_eq!(remove_entry(flow, "questions[5]"), None);
        let grown = add_entry(flow, "questions").unwrap();
        let t: toml::Table = grown.parse().unwrap();
        let qs = t["questions"].as_array().unwrap();
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[1]["id"].as_str(), Some(""));
        assert_eq!(qs[1]["answers"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn keys_other_files_of_the_kind_have_can_be_added_and_removed() {
        let mine =
            "id = \"a\"\nname = { cy = \"A\", en = \"A\" }\n\n[contact]\nweb = \"https://a.org\"\n";
        let kin = vec![
            "id = \"b\"\nname = { cy = \"B\", en = \"B\" }\nhours = { cy = \"9–5\", en = \"9–5\" }\n\n[contact]\nphone = \"0300 123 4567\" # checked\nweb = \"https://b.org\"\n".to_string(),
            "id = \"c\"\nname = { cy = \"C\", en = \"C\" }\n\n[contact]\nweb = \"https://c.org\"\n".to_string(),
        ];
        let optional = optional_keys(mine, &kin);
        assert_eq!(optional.addable, ["hours", "contact.phone"]);
        assert!(optional.removable.is_empty(), "every file has them");
        let with = add_key(mine, "hours", &kin).unwrap();
        let with = add_key(&with, "contact.phone", &kin).unwrap();
        assert!(with.contains("hours = { cy = \"\", en = \"\" }"), "{with}");
        assert!(
            with.contains("phone = \"\"\n"),
            "nothing copied but the shape: {with}"
        );
        assert!(!with.contains("checked"), "{with}");
        // The added values are fields of the form like any other.
        let rows = rows(&with).unwrap();
        assert!(
            rows.iter()
                .any(|r| matches!(r, Row::Pair { key, .. } if key == "hours"))
        );
        let optional = optional_keys(&with, &kin);
        assert!(optional.addable.is_empty());
        assert_eq!(
            optional.removable.iter().collect::<Vec<_>>(),
            ["contact.phone", "hours"]
        );
        assert_eq!(
            remove_key(&remove_key(&with, "hours").unwrap(), "contact.phone").unwrap(),
            mine
        );
        assert_eq!(add_key(mine, "nowhere", &kin), None);
        assert_eq!(add_key(&with, "hours", &kin), None, "already there");
    }

    #[test]
    fn a_new_item_starts_blank_and_internal() {
        let out = blank_copy(AGENCY, "b", "2026-12-03", &["help".to_string()]).unwrap();
        let t: toml::Table = out.parse().unwrap();
        assert_eq!(t["id"].as_str(), Some("b"));
        assert_eq!(t["name"]["cy"].as_str(), Some(""));
        assert_eq!(t["needs"].as_array().unwrap().len(), 0);
        assert_eq!(t["verified"].to_string(), "2026-12-03");
        assert_eq!(t["welsh_service"].as_bool(), Some(true));
        assert_eq!(t["contact"]["phone"].as_str(), Some(""));
        let page = "id = \"x\"\naudience = \"public\"\nkeywords = [\"a\"]\nreviewed = 2020-01-01\n";
        let t: toml::Table = blank_copy(page, "y", "2026-12-03", &["cwyn hwyr".into()])
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(t["audience"].as_str(), Some("internal"));
        assert_eq!(t["keywords"][0].as_str(), Some("cwyn hwyr"));
        assert_eq!(t["reviewed"].to_string(), "2026-12-03");
    }

    #[test]
    fn each_value_knows_its_lines() {
        let lines = field_lines(AGENCY);
        assert_eq!(lines["id"], (2, 2));
        assert_eq!(lines["name.en"], (9, 9));
        assert_eq!(lines["contact.phone"], (12, 12));
        let list = "id = \"x\"\nsteps = [\n  \"a\",\n  \"b\",\n]\n";
        assert_eq!(field_lines(list)["steps"], (2, 5));
    }

    #[test]
    fn pages_split_and_join() {
        let page = "+++\nid = \"x\"\ntitle = \"T\"\n+++\n\n## Pennawd\n\nTestun.\n";
        let (front, body) = split_page(page).unwrap();
        assert_eq!(front, "id = \"x\"\ntitle = \"T\"\n");
        assert_eq!(body, "\n## Pennawd\n\nTestun.\n");
        assert_eq!(join_page(front, body), page);
        assert_eq!(split_page("no front matter"), None);
    }

    /// Every bundled TOML file and front matter shows as a form, and
    /// sending the form back unchanged changes nothing.
    #[test]
    fn every_bundled_file_round_trips_through_its_form() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        let mut seen = 0;
        // Matters come and go: the bundle may hold none.
        for folder in crate::knowledge::load::FOLDERS
            .iter()
            .filter(|f| root.join(f).is_dir())
        {
            for entry in std::fs::read_dir(root.join(folder)).unwrap() {
                let path = entry.unwrap().path();
                let text = std::fs::read_to_string(&path).unwrap();
                let toml = match path.extension().and_then(|e| e.to_str()) {
                    Some("toml") => text.as_str(),
                    Some("md") => split_page(&text).unwrap().0,
                    _ => continue,
                };
                let rows = rows(toml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let mut values = HashMap::new();
                for row in &rows {
                    let fields: Vec<&Field> = match row {
                        Row::Single { field } => vec![field],
                        Row::Pair { cy, en, .. } => cy.iter().chain(en).collect(),
                        Row::Group { .. } => vec![],
                    };
                    for f in fields {
                        values.insert(f.key.clone(), f.value.clone());
                    }
                }
                assert!(!values.is_empty(), "{}", path.display());
                let back = apply(toml, &values).unwrap();
                let at = back
                    .bytes()
                    .zip(toml.bytes())
                    .position(|(a, b)| a != b)
                    .unwrap_or(back.len().min(toml.len()));
                assert!(
                    back == toml,
                    "{} changed at byte {at}: {:?} instead of {:?}",
                    path.display(),
                    &back[at.saturating_sub(60)..(at + 60).min(back.len())],
                    &toml[at.saturating_sub(60)..(at + 60).min(toml.len())]
                );
                seen += 1;
            }
        }
        assert!(seen > 60, "{seen}");
    }
}
