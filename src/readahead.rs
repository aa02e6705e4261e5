//! Reading ahead on a thread of its own, bounded by bytes: the input is parsed while the
//! previous batch is extracted, and at most [`READ_AHEAD_BYTES`] of text wait in the queue.
//!
//! The consumer takes everything queued in one go, so the two threads meet once per run of
//! documents rather than once per document.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use whosaid::input::{self, BytesRead};
use whosaid::{InputOptions, Item};

/// Text read ahead of the batch being extracted, at most.
pub const READ_AHEAD_BYTES: usize = 8 << 20;

/// An item, with the input bytes consumed when it was read.
pub type Read = (Item, u64);

#[derive(Default)]
struct Queue {
    items: VecDeque<Read>,
    bytes: usize,
    /// The reader has read everything.
    done: bool,
    /// The consumer has gone: the reader stops.
    closed: bool,
}

#[derive(Default)]
struct Shared {
    queue: Mutex<Queue>,
    /// Signalled when items arrive or the reader ends.
    filled: Condvar,
    /// Signalled when the consumer takes items or goes.
    drained: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// What [`ReadAhead::next`] found.
pub enum Next {
    /// An item.
    Item(Read),
    /// Nothing came within the time allowed.
    Timeout,
    /// The input is exhausted.
    End,
}

/// The consumer's end of the read-ahead queue.
pub struct ReadAhead {
    shared: Arc<Shared>,
    local: VecDeque<Read>,
    reader: Option<JoinHandle<()>>,
}

fn size(item: &Item) -> usize {
    match item {
        Item::Document(d) => d.text.len() + d.id.len(),
        _ => 64,
    }
}

impl ReadAhead {
    /// Starts reading `paths` on a new thread.
    pub fn spawn(
        paths: Vec<PathBuf>,
        options: InputOptions,
        counter: BytesRead,
    ) -> std::io::Result<ReadAhead> {
        let shared = Arc::new(Shared::default());
        let theirs = Arc::clone(&shared);
        let reader = std::thread::Builder::new()
            .name("whosaid-reader".into())
            .spawn(move || {
                let shared = theirs;
                for item in input::read_inputs_counted(paths, options, counter.clone()) {
                    let n = size(&item);
                    let mut q = shared.lock();
                    // Wait for room, but always let one item through an empty queue, however
                    // large.
                    while !q.closed && q.bytes > 0 && q.bytes + n > READ_AHEAD_BYTES {
                        q = shared
                            .drained
                            .wait(q)
                            .unwrap_or_else(PoisonError::into_inner);
                    }
                    if q.closed {
                        return;
                    }
                    let was_empty = q.items.is_empty();
                    q.bytes += n;
                    q.items.push_back((item, counter.get()));
                    drop(q);
                    if was_empty {
                        shared.filled.notify_one();
                    }
                }
                shared.lock().done = true;
                shared.filled.notify_one();
            })?;
        Ok(ReadAhead {
            shared,
            local: VecDeque::new(),
            reader: Some(reader),
        })
    }

    /// The next item: at once if one is queued; otherwise waits up to `wait` (forever when
    /// `None`).
    pub fn next(&mut self, wait: Option<Duration>) -> Next {
        if let Some(r) = self.local.pop_front() {
            return Next::Item(r);
        }
        let shared = Arc::clone(&self.shared);
        let mut q = shared.lock();
        if q.items.is_empty() && !q.done {
            q = match wait {
                Some(d) if d.is_zero() => q,
                Some(d) => {
                    shared
                        .filled
                        .wait_timeout_while(q, d, |q| q.items.is_empty() && !q.done)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0
                }
                None => shared
                    .filled
                    .wait_while(q, |q| q.items.is_empty() && !q.done)
                    .unwrap_or_else(PoisonError::into_inner),
            };
        }
        if q.items.is_empty() {
            return if q.done { Next::End } else { Next::Timeout };
        }
        std::mem::swap(&mut self.local, &mut q.items);
        q.bytes = 0;
        drop(q);
        shared.drained.notify_one();
        self.local.pop_front().map_or(Next::End, Next::Item)
    }

    /// Waits for the reader to end (it ends early once the consumer has gone); a panic on
    /// the reader thread is raised here.
    pub fn finish(mut self) {
        self.close();
        if let Some(reader) = self.reader.take() {
            if let Err(panic) = reader.join() {
                std::panic::resume_unwind(panic);
            }
        }
    }

    fn close(&self) {
        self.shared.lock().closed = true;
        self.shared.drained.notify_one();
    }
}

impl Drop for ReadAhead {
    fn drop(&mut self) {
        // An early return (a closed pipe, a write error): let the reader stop.
        self.close();
    }
}
