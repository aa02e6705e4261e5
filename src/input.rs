//! Turning the user's inputs (files, folders, standard input) into a stream of documents.
//!
//! This module does no NLP: it only finds, reads and decodes documents.
//!
//! - A plain-text file (any extension other than `.jsonl` / `.ndjson`) is one document whose id is
//!   the path as given and whose text is the file's content, verbatim (BOM, CRLF, tabs kept).
//! - A `.jsonl` / `.ndjson` file holds one document per non-blank line,
//!   `{"id": ..., "text": "...", ...}`; other fields are ignored.
//! - A folder is walked recursively in byte order of the paths; only `.txt`, `.jsonl` and
//!   `.ndjson` files are read, hidden entries (name starting with `.`) are skipped, and the ids of
//!   plain-text files are their paths relative to the folder, with `/` separators.
//! - `-` (or no path at all) is standard input: JSONL when its first non-whitespace byte is `{`,
//!   otherwise one plain-text document with id `-`.
//!
//! Problems never stop the stream: they come as [`Item::Error`] (the document or line is
//! skipped) or [`Item::Warning`] (the document follows) in input order.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Chain, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::{Error, ErrorKind};

/// How many leading bytes of a file are checked for NUL bytes.
const SNIFF_LEN: usize = 8 * 1024;
/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";
/// The source name of standard input in errors and in the ids of its JSONL records.
const STDIN_SOURCE: &str = "<stdin>";
/// The id of a plain-text document read from standard input.
const STDIN_ID: &str = "-";
/// A JSONL line buffer bigger than this is shrunk back after use.
const MAX_KEPT_LINE_CAPACITY: usize = 1 << 20;

/// One article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The document's id: a JSONL record's `id`, or the file's path.
    pub id: String,
    /// The full text, as read.
    pub text: String,
}

/// What reading produces, in input order.
#[derive(Debug)]
pub enum Item {
    /// A document to process.
    Document(Document),
    /// A problem that did not stop this document (e.g. invalid UTF-8 decoded lossily): the
    /// document follows as its own Item.
    Warning(Error),
    /// A document or line that could not be read; the run goes on.
    Error(Error),
}

/// How inputs are read.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// Invalid UTF-8 is an Error (document skipped) instead of a Warning + lossy text.
    pub strict: bool,
}

/// A running count of the input bytes a stream from [`read_inputs_counted`] has consumed, for
/// progress reports: the bytes of the files and standard input read so far, counting a file
/// skipped as binary whole. Clones share the count, so one clone can be read from another
/// thread while the stream runs.
#[derive(Clone, Debug, Default)]
pub struct BytesRead(Arc<AtomicU64>);

impl BytesRead {
    /// A count at zero.
    pub fn new() -> BytesRead {
        BytesRead::default()
    }

    /// The bytes consumed so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn add(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }
}

/// The total size in bytes of the files that [`read_inputs`] would read from `paths` (found the
/// same way, from file metadata alone: nothing is opened), or `None` when the input includes
/// standard input, whose size is not known. Paths that cannot be read count as 0.
pub fn input_size(paths: &[PathBuf]) -> Option<u64> {
    let mut total = 0u64;
    if paths.is_empty() {
        return None;
    }
    for path in paths {
        if path.as_os_str() == STDIN_ID {
            return None;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let Ok(folder) = read_folder(path.clone(), String::new()) else {
                    continue;
                };
                let walker = Walker {
                    stack: vec![folder],
                };
                for file in walker.flatten() {
                    total += fs::metadata(&file.path).map_or(0, |m| m.len());
                }
            }
            Ok(meta) => total += meta.len(),
            Err(_) => {}
        }
    }
    Some(total)
}

/// Streams the documents of `paths` in order; an empty slice or a path `-` means standard input.
///
/// Lazy: nothing is opened before the first call to `next`, files are opened one at a time and
/// JSONL lines are read one at a time, so memory does not grow with the corpus.
///
/// - A path that does not exist or cannot be read gives an [`Item::Error`] naming it; the other
///   paths go on.
/// - A file with NUL bytes in its first 8 KiB is binary: an [`Item::Warning`] of kind
///   [`ErrorKind::Binary`], and no document.
/// - In a folder, symbolic links to files are followed; symbolic links to folders are not
///   (no cycles).
/// - Errors and warnings name the file as reachable from the working directory (for a file
///   inside a folder given, the folder joined with the relative path), and the 1-based line
///   for JSONL.
pub fn read_inputs(
    paths: Vec<PathBuf>,
    options: InputOptions,
) -> impl Iterator<Item = Item> + Send {
    read_inputs_counted(paths, options, BytesRead::new())
}

/// [`read_inputs`], adding the input bytes it consumes to `bytes_read` as it goes (line by line
/// for JSONL, file by file for plain text).
pub fn read_inputs_counted(
    paths: Vec<PathBuf>,
    options: InputOptions,
    bytes_read: BytesRead,
) -> impl Iterator<Item = Item> + Send {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(STDIN_ID)]
    } else {
        paths
    };
    Inputs {
        paths: paths.into_iter(),
        options,
        pending: VecDeque::new(),
        stream: None,
        walker: None,
        bytes_read,
    }
}

/// The documents of one in-memory JSONL or plain-text input (helper for tests and the library).
///
/// Sniffed like standard input: if the first non-whitespace byte (after an optional BOM) is `{`,
/// the input is JSONL, read line by line, and records without an id get `"{source_name}:{line}"`;
/// otherwise (including empty input) it is one plain-text document with id `source_name`.
/// Errors and warnings name `source_name`.
pub fn parse_jsonl(
    reader: impl BufRead,
    source_name: &str,
    options: &InputOptions,
) -> impl Iterator<Item = Item> {
    Stream::new(
        reader,
        Names {
            error: source_name.to_owned(),
            id_prefix: source_name.to_owned(),
            text_id: source_name.to_owned(),
        },
        options.clone(),
        BytesRead::new(),
    )
}

/// The stream over standard input (or a stand-in for it in tests).
fn stdin_stream<R: BufRead>(reader: R, options: InputOptions, bytes_read: BytesRead) -> Stream<R> {
    Stream::new(
        reader,
        Names {
            error: STDIN_SOURCE.to_owned(),
            id_prefix: STDIN_SOURCE.to_owned(),
            text_id: STDIN_ID.to_owned(),
        },
        options,
        bytes_read,
    )
}

// ---------------------------------------------------------------------------------------------
// The top-level iterator

/// The iterator behind [`read_inputs`].
struct Inputs {
    /// Paths not started yet.
    paths: std::vec::IntoIter<PathBuf>,
    options: InputOptions,
    /// Items ready to be returned, before anything else.
    pending: VecDeque<Item>,
    /// The JSONL file or standard input being read.
    stream: Option<Box<dyn Iterator<Item = Item> + Send>>,
    /// The folder being walked.
    walker: Option<Walker>,
    /// Counts the bytes consumed.
    bytes_read: BytesRead,
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if let Some(stream) = &mut self.stream {
                match stream.next() {
                    Some(item) => return Some(item),
                    None => self.stream = None,
                }
                continue;
            }
            if let Some(walker) = &mut self.walker {
                match walker.next() {
                    Some(Ok(file)) => self.open_file(file),
                    Some(Err(err)) => return Some(Item::Error(err)),
                    None => self.walker = None,
                }
                continue;
            }
            let path = self.paths.next()?;
            self.start_path(path);
        }
    }
}

impl Inputs {
    /// Starts reading one path given by the user.
    fn start_path(&mut self, path: PathBuf) {
        if path.as_os_str() == STDIN_ID {
            let reader = BufReader::new(io::stdin());
            self.stream = Some(Box::new(stdin_stream(
                reader,
                self.options.clone(),
                self.bytes_read.clone(),
            )));
            return;
        }
        match fs::metadata(&path) {
            Err(err) => self.pending.push_back(Item::Error(Error::io(err, &path))),
            Ok(meta) if meta.is_dir() => match read_folder(path, String::new()) {
                Ok(folder) => {
                    self.walker = Some(Walker {
                        stack: vec![folder],
                    })
                }
                Err(err) => self.pending.push_back(Item::Error(err)),
            },
            Ok(_) => {
                let file = FileEntry {
                    id: path.to_string_lossy().into_owned(),
                    jsonl: is_jsonl_name(path.as_os_str()),
                    path,
                };
                self.open_file(file);
            }
        }
    }

    /// Opens one file: queues its items, or sets it as the current stream if it is JSONL.
    fn open_file(&mut self, file: FileEntry) {
        let mut handle = match File::open(&file.path) {
            Ok(handle) => handle,
            Err(err) => {
                self.pending
                    .push_back(Item::Error(Error::io(err, &file.path)));
                return;
            }
        };
        let name = file.path.display().to_string();
        let mut head = Vec::with_capacity(SNIFF_LEN);
        if let Err(err) = (&mut handle).take(SNIFF_LEN as u64).read_to_end(&mut head) {
            self.pending
                .push_back(Item::Error(Error::io(err, &file.path)));
            return;
        }
        if memchr::memchr(0, &head).is_some() {
            // Skipped whole, so done whole.
            let size = handle.metadata().map_or(head.len() as u64, |m| m.len());
            self.bytes_read.add(size);
            self.pending.push_back(Item::Warning(
                Error::new(ErrorKind::Binary).with_source(name),
            ));
            return;
        }
        if file.jsonl {
            let reader = BufReader::new(Cursor::new(head).chain(handle));
            self.stream = Some(Box::new(JsonlReader::new(
                reader,
                name,
                file.id,
                self.options.strict,
                self.bytes_read.clone(),
            )));
            return;
        }
        let mut bytes = head;
        if let Ok(meta) = handle.metadata() {
            let extra = usize::try_from(meta.len())
                .unwrap_or(0)
                .saturating_sub(bytes.len());
            bytes.reserve(extra);
        }
        if let Err(err) = handle.read_to_end(&mut bytes) {
            self.pending
                .push_back(Item::Error(Error::io(err, &file.path)));
            return;
        }
        self.bytes_read.add(bytes.len() as u64);
        push_text_document(
            &mut self.pending,
            bytes,
            file.id,
            &name,
            self.options.strict,
        );
    }
}

/// A file to read.
#[derive(Debug)]
struct FileEntry {
    /// Where to open it.
    path: PathBuf,
    /// The id of its document if it is plain text, or the prefix of its records' default ids.
    id: String,
    /// Whether it holds JSONL.
    jsonl: bool,
}

/// Queues the document of one plain-text input, with a warning (or instead an error, if
/// `strict`) if it is not valid UTF-8.
fn push_text_document(
    out: &mut impl Extend<Item>,
    bytes: Vec<u8>,
    id: String,
    error_name: &str,
    strict: bool,
) {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let problem = Error::new(ErrorKind::InvalidUtf8 { offset }).with_source(error_name);
            if strict {
                out.extend(Some(Item::Error(problem)));
                return;
            }
            out.extend(Some(Item::Warning(problem)));
            String::from_utf8_lossy(err.as_bytes()).into_owned()
        }
    };
    out.extend(Some(Item::Document(Document { id, text })));
}

/// Whether a file name ends in `.jsonl` or `.ndjson` (any case).
fn is_jsonl_name(name: &OsStr) -> bool {
    matches!(extension(name).as_deref(), Some("jsonl" | "ndjson"))
}

/// Whether a file found in a folder is read: `.txt`, `.jsonl` or `.ndjson` (any case).
fn is_document_name(name: &OsStr) -> bool {
    matches!(extension(name).as_deref(), Some("txt" | "jsonl" | "ndjson"))
}

/// The lower-cased extension of a file name or path.
fn extension(name: &OsStr) -> Option<String> {
    Path::new(name)
        .extension()
        .and_then(OsStr::to_str)
        .map(str::to_ascii_lowercase)
}

// ---------------------------------------------------------------------------------------------
// Folder walking

/// A depth-first walk of a folder in byte order of the paths, one folder listed at a time.
struct Walker {
    /// The folders being walked, innermost last.
    stack: Vec<Folder>,
}

/// One listed folder.
struct Folder {
    /// Where it is.
    path: PathBuf,
    /// Its path relative to the walked root, with `/` separators and a trailing `/` (empty for
    /// the root).
    rel: String,
    /// Problems met while listing it, reported before its entries.
    errors: std::vec::IntoIter<Error>,
    /// Its entries still to visit, in order.
    entries: std::vec::IntoIter<FolderEntry>,
}

/// An entry of a folder that is walked.
struct FolderEntry {
    name: OsString,
    /// The name, plus `/` for a folder: sorting by it visits the paths in byte order.
    key: Vec<u8>,
    is_dir: bool,
}

impl Iterator for Walker {
    type Item = Result<FileEntry, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let folder = self.stack.last_mut()?;
            if let Some(err) = folder.errors.next() {
                return Some(Err(err));
            }
            let Some(entry) = folder.entries.next() else {
                self.stack.pop();
                continue;
            };
            let path = folder.path.join(&entry.name);
            let rel = format!("{}{}", folder.rel, entry.name.to_string_lossy());
            if entry.is_dir {
                match read_folder(path, rel + "/") {
                    Ok(sub) => self.stack.push(sub),
                    Err(err) => return Some(Err(err)),
                }
            } else {
                return Some(Ok(FileEntry {
                    path,
                    id: rel,
                    jsonl: is_jsonl_name(&entry.name),
                }));
            }
        }
    }
}

/// Lists a folder: its sub-folders and document files, sorted, hidden entries left out.
fn read_folder(path: PathBuf, rel: String) -> Result<Folder, Error> {
    let listing = fs::read_dir(&path).map_err(|err| Error::io(err, &path))?;
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for entry in listing {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                errors.push(Error::io(err, &path));
                continue;
            }
        };
        let name = entry.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let file_type = match entry.file_type() {
            Ok(file_type) => file_type,
            Err(err) => {
                errors.push(Error::io(err, entry.path()));
                continue;
            }
        };
        let is_dir = if file_type.is_dir() {
            true
        } else if file_type.is_file() {
            if !is_document_name(&name) {
                continue;
            }
            false
        } else if file_type.is_symlink() {
            // Links to files are followed, links to folders are not (they could make cycles).
            if !is_document_name(&name) {
                continue;
            }
            match fs::metadata(entry.path()) {
                Ok(meta) if meta.is_file() => false,
                Ok(_) => continue,
                Err(err) => {
                    errors.push(Error::io(err, entry.path()));
                    continue;
                }
            }
        } else {
            // Sockets, FIFOs, devices: reading them could block or never end.
            continue;
        };
        let mut key = name.as_encoded_bytes().to_vec();
        if is_dir {
            key.push(b'/');
        }
        entries.push(FolderEntry { name, key, is_dir });
    }
    entries.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(Folder {
        path,
        rel,
        errors: errors.into_iter(),
        entries: entries.into_iter(),
    })
}

// ---------------------------------------------------------------------------------------------
// Standard input and in-memory input: JSONL or plain text

/// How a sniffed input names itself.
struct Names {
    /// In errors and warnings.
    error: String,
    /// In the default ids of JSONL records (`"{id_prefix}:{line}"`).
    id_prefix: String,
    /// The id of the document if the input is plain text.
    text_id: String,
}

/// An input that is JSONL or plain text depending on its first non-whitespace byte.
enum Stream<R> {
    /// Not looked at yet.
    Start {
        reader: R,
        names: Names,
        options: InputOptions,
        bytes_read: BytesRead,
    },
    /// JSONL, read line by line.
    Jsonl(JsonlReader<Chain<Cursor<Vec<u8>>, R>>),
    /// Plain text, read whole: its items.
    Items(std::vec::IntoIter<Item>),
}

impl<R: BufRead> Stream<R> {
    fn new(reader: R, names: Names, options: InputOptions, bytes_read: BytesRead) -> Stream<R> {
        Stream::Start {
            reader,
            names,
            options,
            bytes_read,
        }
    }

    /// Looks at the input and decides what it is. Only the bytes up to the first
    /// non-whitespace one are read for that, so JSONL is streamed from its first line.
    fn start(
        mut reader: R,
        names: Names,
        options: InputOptions,
        bytes_read: BytesRead,
    ) -> Stream<R> {
        let io_error = |err: io::Error, names: Names| {
            let err = Error::new(ErrorKind::Io(err)).with_source(names.error);
            Stream::Items(vec![Item::Error(err)].into_iter())
        };
        let (is_jsonl, mut prefix) = match sniff(&mut reader) {
            Ok(found) => found,
            Err(err) => return io_error(err, names),
        };
        if is_jsonl {
            let reader = Cursor::new(prefix).chain(reader);
            return Stream::Jsonl(JsonlReader::new(
                reader,
                names.error,
                names.id_prefix,
                options.strict,
                bytes_read,
            ));
        }
        if let Err(err) = reader.read_to_end(&mut prefix) {
            return io_error(err, names);
        }
        bytes_read.add(prefix.len() as u64);
        let mut items = Vec::with_capacity(2);
        let head = &prefix[..prefix.len().min(SNIFF_LEN)];
        if memchr::memchr(0, head).is_some() {
            let warning = Error::new(ErrorKind::Binary).with_source(names.error);
            items.push(Item::Warning(warning));
        } else {
            push_text_document(
                &mut items,
                prefix,
                names.text_id,
                &names.error,
                options.strict,
            );
        }
        Stream::Items(items.into_iter())
    }
}

impl<R: BufRead> Iterator for Stream<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            match self {
                Stream::Jsonl(lines) => return lines.next(),
                Stream::Items(items) => return items.next(),
                Stream::Start { .. } => {}
            }
            let done = Stream::Items(Vec::new().into_iter());
            if let Stream::Start {
                reader,
                names,
                options,
                bytes_read,
            } = std::mem::replace(self, done)
            {
                *self = Stream::start(reader, names, options, bytes_read);
            }
        }
    }
}

/// Reads past an optional BOM and any ASCII whitespace; tells whether the next byte is `{`, and
/// returns the bytes read past.
fn sniff<R: BufRead>(reader: &mut R) -> io::Result<(bool, Vec<u8>)> {
    let mut prefix = Vec::new();
    let mut in_bom = true;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if buf.is_empty() {
            return Ok((false, prefix));
        }
        let mut used = 0;
        let mut decided = None;
        for &byte in buf {
            let pos = prefix.len() + used;
            if in_bom && pos < BOM.len() && byte == BOM[pos] {
                used += 1;
                continue;
            }
            in_bom = false;
            if byte.is_ascii_whitespace() {
                used += 1;
                continue;
            }
            decided = Some(byte == b'{');
            break;
        }
        prefix.extend_from_slice(&buf[..used]);
        reader.consume(used);
        if let Some(is_jsonl) = decided {
            return Ok((is_jsonl, prefix));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JSONL

/// Reads JSONL records one line at a time.
struct JsonlReader<R> {
    reader: R,
    /// Names the input in errors and warnings.
    error_name: String,
    /// Default ids are `"{id_prefix}:{line}"`.
    id_prefix: String,
    strict: bool,
    /// The 1-based number of the last line read.
    line: u64,
    /// The last line read.
    buf: Vec<u8>,
    /// An item to return before reading on (the document after a warning).
    pending: Option<Item>,
    /// The end was reached, or reading failed.
    done: bool,
    /// Counts the bytes of the lines read.
    bytes_read: BytesRead,
}

impl<R: BufRead> JsonlReader<R> {
    fn new(
        reader: R,
        error_name: String,
        id_prefix: String,
        strict: bool,
        bytes_read: BytesRead,
    ) -> JsonlReader<R> {
        JsonlReader {
            reader,
            error_name,
            id_prefix,
            strict,
            line: 0,
            buf: Vec::new(),
            pending: None,
            done: false,
            bytes_read,
        }
    }

    /// An error about line `line` of this input.
    fn error(&self, kind: ErrorKind, line: u64) -> Error {
        Error::new(kind)
            .with_source(self.error_name.clone())
            .with_line(line)
    }

    /// The items of the line in `buf`: none for a blank line, else a document or an error,
    /// possibly after a warning (left in `pending`).
    fn process_line(&mut self) -> Option<Item> {
        let line_no = self.line;
        let mut line: &[u8] = &self.buf;
        let mut skipped = 0;
        if line_no == 1 && line.starts_with(BOM) {
            line = &line[BOM.len()..];
            skipped = BOM.len();
        }
        if let Some(rest) = line.strip_suffix(b"\n") {
            line = rest;
        }
        if let Some(rest) = line.strip_suffix(b"\r") {
            line = rest;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let mut warning = None;
        let text = match std::str::from_utf8(line) {
            Ok(text) => Cow::Borrowed(text),
            Err(err) => {
                let offset = skipped + err.valid_up_to();
                let problem = self.error(ErrorKind::InvalidUtf8 { offset }, line_no);
                if self.strict {
                    return Some(Item::Error(problem));
                }
                warning = Some(problem);
                String::from_utf8_lossy(line)
            }
        };
        let item = self.parse_record(&text, line_no);
        match warning {
            Some(warning) => {
                self.pending = Some(item);
                Some(Item::Warning(warning))
            }
            None => Some(item),
        }
    }

    /// The document of one JSON record, or the error that keeps it from being one.
    fn parse_record(&self, line: &str, line_no: u64) -> Item {
        let record: Record = match serde_json::from_str(line) {
            Ok(record) => record,
            Err(err) => return Item::Error(self.error(ErrorKind::Json(err), line_no)),
        };
        let Some(text) = record.text else {
            return Item::Error(self.error(ErrorKind::MissingText, line_no));
        };
        let id = match record.id {
            IdValue::Missing => format!("{}:{}", self.id_prefix, line_no),
            IdValue::Text(id) => id,
            IdValue::Other => return Item::Error(self.error(ErrorKind::BadId, line_no)),
        };
        Item::Document(Document { id, text })
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if let Some(item) = self.pending.take() {
            return Some(item);
        }
        while !self.done {
            if self.buf.capacity() > MAX_KEPT_LINE_CAPACITY {
                self.buf = Vec::new();
            }
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(n) => {
                    self.bytes_read.add(n as u64);
                    self.line += 1;
                    if let Some(item) = self.process_line() {
                        return Some(item);
                    }
                }
                Err(err) => {
                    // A read error is not worth retrying: report it and end this input.
                    self.done = true;
                    return Some(Item::Error(self.error(ErrorKind::Io(err), self.line + 1)));
                }
            }
        }
        None
    }
}

/// The fields of a JSONL record that matter; the others are skipped without being built.
struct Record {
    id: IdValue,
    /// `None` when missing or not a string.
    text: Option<String>,
}

/// A record's `id`.
enum IdValue {
    /// Absent, or `null`.
    Missing,
    /// A string as is, or a number as its decimal text.
    Text(String),
    /// Anything else.
    Other,
}

/// A record's `text`: `Some` only for a string.
struct TextValue(Option<String>);

/// A key of a record.
enum Key {
    Id,
    Text,
    Other,
}

impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Record, D::Error> {
        struct RecordVisitor;

        impl<'de> Visitor<'de> for RecordVisitor {
            type Value = Record;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
                let mut record = Record {
                    id: IdValue::Missing,
                    text: None,
                };
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Id => record.id = map.next_value()?,
                        Key::Text => record.text = map.next_value::<TextValue>()?.0,
                        Key::Other => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(record)
            }
        }

        deserializer.deserialize_map(RecordVisitor)
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                Ok(match key {
                    "id" => Key::Id,
                    "text" => Key::Text,
                    _ => Key::Other,
                })
            }
        }

        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Skips the rest of a JSON array.
fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Skips the rest of a JSON object.
fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

impl<'de> Deserialize<'de> for IdValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IdValue, D::Error> {
        struct IdVisitor;

        impl<'de> Visitor<'de> for IdVisitor {
            type Value = IdValue;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<IdValue, E> {
                Ok(IdValue::Text(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<IdValue, E> {
                Ok(IdValue::Text(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<IdValue, E> {
                Ok(IdValue::Text(v.to_string()))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<IdValue, E> {
                Ok(IdValue::Text(v.to_string()))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<IdValue, E> {
                Ok(IdValue::Text(v.to_string()))
            }

            fn visit_unit<E: de::Error>(self) -> Result<IdValue, E> {
                Ok(IdValue::Missing)
            }

            fn visit_none<E: de::Error>(self) -> Result<IdValue, E> {
                Ok(IdValue::Missing)
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<IdValue, E> {
                Ok(IdValue::Other)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<IdValue, A::Error> {
                drain_seq(seq)?;
                Ok(IdValue::Other)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<IdValue, A::Error> {
                drain_map(map)?;
                Ok(IdValue::Other)
            }
        }

        deserializer.deserialize_any(IdVisitor)
    }
}

impl<'de> Deserialize<'de> for TextValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TextValue, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = TextValue;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextValue, E> {
                Ok(TextValue(Some(v.to_owned())))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<TextValue, E> {
                Ok(TextValue(Some(v)))
            }

            fn visit_u64<E: de::Error>(self, _: u64) -> Result<TextValue, E> {
                Ok(TextValue(None))
            }

            fn visit_i64<E: de::Error>(self, _: i64) -> Result<TextValue, E> {
                Ok(TextValue(None))
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<TextValue, E> {
                Ok(TextValue(None))
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<TextValue, E> {
                Ok(TextValue(None))
            }

            fn visit_unit<E: de::Error>(self) -> Result<TextValue, E> {
                Ok(TextValue(None))
            }

            fn visit_none<E: de::Error>(self) -> Result<TextValue, E> {
                Ok(TextValue(None))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<TextValue, A::Error> {
                drain_seq(seq)?;
                Ok(TextValue(None))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TextValue, A::Error> {
                drain_map(map)?;
                Ok(TextValue(None))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn opts() -> InputOptions {
        InputOptions::default()
    }

    fn strict() -> InputOptions {
        InputOptions { strict: true }
    }

    fn read(paths: &[&Path], options: InputOptions) -> Vec<Item> {
        read_inputs(paths.iter().map(|p| p.to_path_buf()).collect(), options).collect()
    }

    fn write(path: &Path, bytes: impl AsRef<[u8]>) {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, bytes).unwrap();
    }

    fn doc(item: &Item) -> &Document {
        match item {
            Item::Document(doc) => doc,
            other => panic!("expected a document, got {other:?}"),
        }
    }

    fn error(item: &Item) -> &Error {
        match item {
            Item::Error(err) => err,
            other => panic!("expected an error, got {other:?}"),
        }
    }

    fn warning(item: &Item) -> &Error {
        match item {
            Item::Warning(err) => err,
            other => panic!("expected a warning, got {other:?}"),
        }
    }

    fn ids(items: &[Item]) -> Vec<&str> {
        items.iter().map(|item| doc(item).id.as_str()).collect()
    }

    fn jsonl(input: &str) -> Vec<Item> {
        parse_jsonl(input.as_bytes(), "mem.jsonl", &opts()).collect()
    }

    #[test]
    fn bytes_read_reaches_the_input_size() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(&root.join("a.txt"), "“Yes,” she said.\n");
        write(
            &root.join("sub/b.jsonl"),
            "{\"id\": 1, \"text\": \"x\"}\n\n{broken\n{\"text\": \"y\"}",
        );
        write(&root.join("sub/c.txt"), b"bin\x00ary");
        write(&root.join("ignored.md"), "not read");
        write(&root.join(".hidden.txt"), "not read");
        write(&root.join("alone.jsonl"), "{\"text\": \"z\"}\n");
        let paths = vec![root.to_path_buf(), root.join("alone.jsonl")];
        let expected: u64 = ["a.txt", "sub/b.jsonl", "sub/c.txt", "alone.jsonl"]
            .iter()
            .map(|f| fs::metadata(root.join(f)).unwrap().len())
            .sum::<u64>()
            + fs::metadata(root.join("alone.jsonl")).unwrap().len();
        assert_eq!(input_size(&paths), Some(expected));
        let counter = BytesRead::new();
        let mut items = read_inputs_counted(paths, opts(), counter.clone());
        assert!(matches!(items.next(), Some(Item::Document(_))));
        assert_eq!(
            counter.get(),
            fs::metadata(root.join("a.txt")).unwrap().len()
        );
        assert_eq!(items.count(), 6);
        assert_eq!(counter.get(), expected);
        // Standard input has no known size; a missing path counts as nothing.
        assert_eq!(input_size(&[PathBuf::from("-")]), None);
        assert_eq!(input_size(&[]), None);
        assert_eq!(input_size(&[root.join("missing.txt")]), Some(0));
    }

    /// A reader that hands out its chunks one at a time and panics if asked for more: input
    /// that has not arrived yet.
    struct Trickle {
        chunks: VecDeque<Vec<u8>>,
        pos: usize,
    }

    impl Read for Trickle {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = {
                let buf = self.fill_buf()?;
                let n = buf.len().min(out.len());
                out[..n].copy_from_slice(&buf[..n]);
                n
            };
            self.consume(n);
            Ok(n)
        }
    }

    impl BufRead for Trickle {
        fn fill_buf(&mut self) -> io::Result<&[u8]> {
            if self.chunks.front().is_some_and(|c| self.pos == c.len()) {
                self.chunks.pop_front();
                self.pos = 0;
            }
            match self.chunks.front() {
                Some(chunk) => Ok(&chunk[self.pos..]),
                None => panic!("read past the input that has arrived"),
            }
        }

        fn consume(&mut self, n: usize) {
            self.pos += n;
        }
    }

    #[test]
    fn stdin_jsonl_is_streamed_line_by_line() {
        let chunks = ["\n  ", "{\"id\": \"a\", ", "\"text\": \"x\"}\n"];
        let trickle = Trickle {
            chunks: chunks.iter().map(|c| c.as_bytes().to_vec()).collect(),
            pos: 0,
        };
        let counter = BytesRead::new();
        let mut items = stdin_stream(trickle, opts(), counter.clone());
        // The first record comes out before the rest of the input has arrived.
        assert_eq!(doc(&items.next().unwrap()).id, "a");
        assert_eq!(counter.get(), chunks.concat().len() as u64);
    }

    #[test]
    fn iterators_are_send() {
        fn assert_send<T: Send>(_: &T) {}
        assert_send(&read_inputs(Vec::new(), opts()));
        assert_send(&parse_jsonl(&b""[..], "x", &opts()));
    }

    #[test]
    fn plain_file_id_is_the_path_as_given() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("data/a.txt"), "He said \"hi.\"\n");
        // Not canonicalized: the id is exactly what was passed.
        let given = dir.path().join("data/../data/a.txt");
        let items = read(&[&given], opts());
        assert_eq!(items.len(), 1);
        let d = doc(&items[0]);
        assert_eq!(d.id, given.to_string_lossy());
        assert_eq!(d.text, "He said \"hi.\"\n");
    }

    #[test]
    fn any_other_extension_given_explicitly_is_plain_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("article.md");
        write(&path, "{\"id\": 1, \"text\": \"not parsed\"}\n");
        let items = read(&[&path], opts());
        assert_eq!(items.len(), 1);
        assert_eq!(
            doc(&items[0]).text,
            "{\"id\": 1, \"text\": \"not parsed\"}\n"
        );
    }

    #[test]
    fn folder_ids_are_relative_and_sorted_by_path_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let fixtures = data.join("fixtures");
        write(&fixtures.join("01_wire.txt"), "one");
        write(&fixtures.join("b.txt"), "b");
        write(&fixtures.join("b-x.txt"), "b-x");
        write(&fixtures.join("b/c.txt"), "b/c");
        write(&fixtures.join("Z.TXT"), "upper");
        write(&fixtures.join("notes.md"), "ignored");
        write(&fixtures.join("noext"), "ignored");
        write(
            &fixtures.join("recs.NDJSON"),
            "{\"id\": \"r1\", \"text\": \"x\"}\n{\"text\": \"y\"}\n",
        );
        let items = read(&[&fixtures], opts());
        // Byte order of full paths: '-' < '.' < '/' and 'Z' < 'b'.
        assert_eq!(
            ids(&items),
            [
                "01_wire.txt",
                "Z.TXT",
                "b-x.txt",
                "b.txt",
                "b/c.txt",
                "r1",
                "recs.NDJSON:2"
            ]
        );
        assert_eq!(doc(&items[4]).text, "b/c");
        // The same files through the parent folder carry its relative prefix.
        let items = read(&[&data], opts());
        assert_eq!(ids(&items)[0], "fixtures/01_wire.txt");
        assert_eq!(ids(&items)[4], "fixtures/b/c.txt");
        assert_eq!(ids(&items)[6], "fixtures/recs.NDJSON:2");
    }

    #[test]
    fn hidden_files_and_folders_are_skipped_in_a_walk() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.txt"), "a");
        write(&dir.path().join(".hidden.txt"), "h");
        write(&dir.path().join(".git/x.txt"), "x");
        write(&dir.path().join("sub/.h.jsonl"), "{\"text\": \"h\"}");
        write(&dir.path().join("sub/b.txt"), "b");
        let items = read(&[dir.path()], opts());
        assert_eq!(ids(&items), ["a.txt", "sub/b.txt"]);
        // Given explicitly, a hidden file is read.
        let hidden = dir.path().join(".hidden.txt");
        let items = read(&[&hidden], opts());
        assert_eq!(doc(&items[0]).text, "h");
    }

    #[test]
    fn jsonl_ids_string_number_missing_and_bad() {
        let items = jsonl(concat!(
            "{\"id\": \"abc\", \"text\": \"t1\", \"quotes\": [{\"start\": 1}]}\n",
            "{\"id\": 42, \"text\": \"t2\"}\n",
            "{\"id\": -7, \"text\": \"t3\"}\n",
            "{\"id\": 2.5, \"text\": \"t4\"}\n",
            "{\"text\": \"t5\"}\n",
            "{\"id\": null, \"text\": \"t6\"}\n",
            "{\"id\": true, \"text\": \"t7\"}\n",
            "{\"id\": [1, {\"a\": 2}], \"text\": \"t8\"}\n",
            "{\"id\": {\"a\": [1]}, \"text\": \"t9\"}\n",
            "{\"text\": \"t10\", \"id\": \"last\"}\n",
        ));
        assert_eq!(items.len(), 10);
        let expected = [
            (0, "abc", "t1"),
            (1, "42", "t2"),
            (2, "-7", "t3"),
            (3, "2.5", "t4"),
            (4, "mem.jsonl:5", "t5"),
            (5, "mem.jsonl:6", "t6"),
            (9, "last", "t10"),
        ];
        for (i, id, text) in expected {
            assert_eq!(
                doc(&items[i]),
                &Document {
                    id: id.into(),
                    text: text.into()
                }
            );
        }
        for (i, line) in [(6, 7), (7, 8), (8, 9)] {
            let err = error(&items[i]);
            assert!(matches!(err.kind(), ErrorKind::BadId), "{err:?}");
            assert_eq!(err.source_name(), Some("mem.jsonl"));
            assert_eq!(err.line(), Some(line));
        }
    }

    #[test]
    fn malformed_line_is_an_error_and_reading_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        write(
            &path,
            "{\"id\": \"a\", \"text\": \"A\"}\n{\"id\": \"b\", \"text\": \n[1, 2]\n{\"id\": \"c\", \"text\": \"C\"} x\n{\"id\": \"d\", \"text\": \"D\"}\n",
        );
        let items = read(&[&path], opts());
        assert_eq!(items.len(), 5);
        assert_eq!(doc(&items[0]).id, "a");
        for (i, line) in [(1, 2), (2, 3), (3, 4)] {
            let err = error(&items[i]);
            assert!(matches!(err.kind(), ErrorKind::Json(_)), "{err:?}");
            assert_eq!(err.line(), Some(line));
            let name = path.display().to_string();
            assert_eq!(err.source_name(), Some(name.as_str()));
            assert!(err.to_string().starts_with(&format!("{name}:{line}: ")));
        }
        assert_eq!(doc(&items[4]).id, "d");
    }

    #[test]
    fn missing_or_non_string_text_is_an_error() {
        let items = jsonl(concat!(
            "{\"id\": \"a\"}\n",
            "{\"id\": \"b\", \"text\": 5}\n",
            "{\"id\": \"c\", \"text\": null}\n",
            "{\"id\": \"d\", \"text\": [\"x\"]}\n",
            "{\"id\": \"e\", \"text\": {\"x\": \"y\"}}\n",
            "{\"id\": \"f\", \"text\": \"ok \\\"quoted\\\" \\u00e9\"}\n",
        ));
        assert_eq!(items.len(), 6);
        for (i, item) in items[..5].iter().enumerate() {
            let err = error(item);
            assert!(matches!(err.kind(), ErrorKind::MissingText), "{err:?}");
            assert_eq!(err.line(), Some(i as u64 + 1));
            assert_eq!(err.source_name(), Some("mem.jsonl"));
        }
        assert_eq!(doc(&items[5]).text, "ok \"quoted\" é");
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let items = jsonl("\n{\"text\": \"a\"}\n   \n\r\n\t\r\n{\"text\": \"b\"}\r\n\n");
        assert_eq!(ids(&items), ["mem.jsonl:2", "mem.jsonl:6"]);
        assert_eq!(doc(&items[1]).text, "b");
    }

    #[test]
    fn text_files_are_kept_verbatim() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.txt");
        let content = "\u{feff}Line one\r\n\tLine two\rLine three\r\n";
        write(&path, content);
        let items = read(&[&path], opts());
        assert_eq!(items.len(), 1);
        assert_eq!(doc(&items[0]).text, content);
    }

    #[test]
    fn jsonl_bom_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.jsonl");
        write(
            &path,
            "\u{feff}{\"id\": \"a\", \"text\": \"x\"}\r\n{\"id\": \"b\", \"text\": \"y\"}\r\n",
        );
        let items = read(&[&path], opts());
        assert_eq!(ids(&items), ["a", "b"]);
        // In memory as well, after sniffing.
        let items = jsonl("\u{feff}\n{\"text\": \"x\"}");
        assert_eq!(ids(&items), ["mem.jsonl:2"]);
    }

    #[test]
    fn invalid_utf8_text_file_is_lossy_with_a_warning_or_an_error_if_strict() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.txt");
        write(&path, b"caf\xe9 au lait \xff");
        let items = read(&[&path], opts());
        assert_eq!(items.len(), 2);
        let warn = warning(&items[0]);
        assert!(
            matches!(warn.kind(), ErrorKind::InvalidUtf8 { offset: 3 }),
            "{warn:?}"
        );
        let name = path.display().to_string();
        assert_eq!(warn.source_name(), Some(name.as_str()));
        assert_eq!(doc(&items[1]).text, "caf\u{fffd} au lait \u{fffd}");
        assert_eq!(doc(&items[1]).id, path.to_string_lossy());

        let items = read(&[&path], strict());
        assert_eq!(items.len(), 1);
        let err = error(&items[0]);
        assert!(
            matches!(err.kind(), ErrorKind::InvalidUtf8 { offset: 3 }),
            "{err:?}"
        );
        assert_eq!(err.source_name(), Some(name.as_str()));
    }

    #[test]
    fn invalid_utf8_jsonl_line_is_lossy_with_a_warning_or_an_error_if_strict() {
        let input: &[u8] = b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"caf\xe9\"}\n{\"id\": \"c\", \"text\": \"ok\"}\n";
        let items: Vec<Item> = parse_jsonl(input, "x.jsonl", &opts()).collect();
        assert_eq!(items.len(), 4);
        let warn = warning(&items[1]);
        assert!(
            matches!(warn.kind(), ErrorKind::InvalidUtf8 { offset: 24 }),
            "{warn:?}"
        );
        assert_eq!(warn.source_name(), Some("x.jsonl"));
        assert_eq!(warn.line(), Some(2));
        assert_eq!(
            doc(&items[2]),
            &Document {
                id: "b".into(),
                text: "caf\u{fffd}".into()
            }
        );
        assert_eq!(doc(&items[3]).id, "c");

        let items: Vec<Item> = parse_jsonl(input, "x.jsonl", &strict()).collect();
        assert_eq!(items.len(), 3);
        let err = error(&items[1]);
        assert!(
            matches!(err.kind(), ErrorKind::InvalidUtf8 { offset: 24 }),
            "{err:?}"
        );
        assert_eq!(err.line(), Some(2));
        assert_eq!(doc(&items[0]).id, "a");
        assert_eq!(doc(&items[2]).id, "c");
    }

    #[test]
    fn binary_files_are_skipped_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.txt"), "a");
        write(&dir.path().join("b.txt"), b"PK\x03\x04\x00\x00binary");
        write(&dir.path().join("c.jsonl"), b"{\"text\": \"\x00\"}\n");
        write(&dir.path().join("d.txt"), "d");
        let items = read(&[dir.path()], opts());
        assert_eq!(items.len(), 4);
        assert_eq!(doc(&items[0]).id, "a.txt");
        for (i, name) in [(1, "b.txt"), (2, "c.jsonl")] {
            let warn = warning(&items[i]);
            assert!(matches!(warn.kind(), ErrorKind::Binary), "{warn:?}");
            let expected = dir.path().join(name).display().to_string();
            assert_eq!(warn.source_name(), Some(expected.as_str()));
        }
        assert_eq!(doc(&items[3]).id, "d.txt");
        // Given explicitly too.
        let items = read(&[&dir.path().join("b.txt")], opts());
        assert_eq!(items.len(), 1);
        assert!(matches!(warning(&items[0]).kind(), ErrorKind::Binary));
        // A NUL after the first 8 KiB does not make a file binary.
        let late = dir.path().join("late.txt");
        let mut content = vec![b'a'; SNIFF_LEN];
        content.push(0);
        write(&late, &content);
        let items = read(&[&late], opts());
        assert_eq!(doc(&items[0]).text.len(), SNIFF_LEN + 1);
    }

    #[test]
    fn missing_path_is_an_error_and_the_next_path_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.txt");
        let present = dir.path().join("yes.txt");
        write(&present, "yes");
        let items = read(&[&missing, &present], opts());
        assert_eq!(items.len(), 2);
        let err = error(&items[0]);
        assert!(matches!(err.kind(), ErrorKind::Io(e) if e.kind() == io::ErrorKind::NotFound));
        let name = missing.display().to_string();
        assert_eq!(err.source_name(), Some(name.as_str()));
        assert_eq!(doc(&items[1]).text, "yes");
    }

    #[test]
    fn parse_jsonl_reads_in_memory_jsonl_and_plain_text() {
        let items = jsonl("\n\n  {\"id\": \"a\", \"text\": \"A\"}\n{\"text\": \"B\"}");
        assert_eq!(ids(&items), ["a", "mem.jsonl:4"]);
        let text = "\u{feff}  He said \"no.\"\r\n{not json}\n";
        let items: Vec<Item> = parse_jsonl(text.as_bytes(), "note", &opts()).collect();
        assert_eq!(items.len(), 1);
        assert_eq!(
            doc(&items[0]),
            &Document {
                id: "note".into(),
                text: text.into()
            }
        );
        let items: Vec<Item> = parse_jsonl(&b""[..], "empty", &opts()).collect();
        assert_eq!(
            doc(&items[0]),
            &Document {
                id: "empty".into(),
                text: String::new()
            }
        );
    }

    #[test]
    fn sniffing_survives_tiny_reads() {
        // A reader whose fill_buf returns one byte at a time, BOM split across reads.
        let input = b"\xEF\xBB\xBF \n{\"text\": \"x\"}\n";
        let reader = BufReader::with_capacity(1, &input[..]);
        let items: Vec<Item> = parse_jsonl(reader, "s", &opts()).collect();
        assert_eq!(ids(&items), ["s:2"]);
        let input = b"\xEF\xBB\xBF \nplain";
        let reader = BufReader::with_capacity(1, &input[..]);
        let items: Vec<Item> = parse_jsonl(reader, "s", &opts()).collect();
        assert_eq!(doc(&items[0]).text, "\u{feff} \nplain");
    }

    #[test]
    fn stdin_names() {
        let items: Vec<Item> =
            stdin_stream(&b"{\"text\": \"x\"}\n{"[..], opts(), BytesRead::new()).collect();
        assert_eq!(ids(&items[..1]), ["<stdin>:1"]);
        assert_eq!(error(&items[1]).source_name(), Some("<stdin>"));
        assert_eq!(error(&items[1]).line(), Some(2));
        let items: Vec<Item> =
            stdin_stream(&b"Plain \xff text"[..], opts(), BytesRead::new()).collect();
        assert_eq!(warning(&items[0]).source_name(), Some("<stdin>"));
        assert_eq!(doc(&items[1]).id, "-");
        let items: Vec<Item> = stdin_stream(&b"bin\x00ary"[..], opts(), BytesRead::new()).collect();
        assert_eq!(items.len(), 1);
        assert!(matches!(warning(&items[0]).kind(), ErrorKind::Binary));
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_folder_is_an_error_and_the_walk_goes_on() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.txt"), "a");
        write(&dir.path().join("locked/x.txt"), "x");
        write(&dir.path().join("z.txt"), "z");
        let locked = dir.path().join("locked");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let readable_anyway = fs::read_dir(&locked).is_ok();
        let items = read(&[dir.path()], opts());
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        if readable_anyway {
            eprintln!("skipping: running as root, a folder without read permission is readable");
            return;
        }
        assert_eq!(items.len(), 3);
        assert_eq!(doc(&items[0]).id, "a.txt");
        let err = error(&items[1]);
        assert!(matches!(err.kind(), ErrorKind::Io(_)), "{err:?}");
        let name = locked.display().to_string();
        assert_eq!(err.source_name(), Some(name.as_str()));
        assert_eq!(doc(&items[2]).id, "z.txt");
    }

    #[test]
    fn reads_the_polnear_dev_gold_file() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear-dev.jsonl");
        if !path.exists() {
            eprintln!("skipping: ../shared/eval not found");
            return;
        }
        let start = std::time::Instant::now();
        let items = read(&[&path], strict());
        let docs: Vec<&Document> = items.iter().map(doc).collect();
        assert_eq!(docs.len(), 84);
        assert!(docs
            .iter()
            .all(|d| d.id.starts_with("polnear/dev/") && !d.text.is_empty()));
        eprintln!("read {} documents in {:?}", docs.len(), start.elapsed());
    }
}
