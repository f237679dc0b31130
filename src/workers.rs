//! The threads that run searches and assistant turns.
//!
//! Both are pure CPU work: on the async executor they would stall every
//! other request, and more of them at once than there are cores would not
//! finish sooner. So they run on a fixed set of threads, one per core and
//! one more, fed from one queue in the order they came.
//!
//! Before, a semaphore let a few tasks at a time onto tokio's blocking
//! pool. A finished search then woke an async task, which started a
//! blocking task, which woke a thread: under load a core sat idle for 7% of
//! the time in those hand-overs. Here a thread that finishes takes the next
//! job straight from the queue.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

use crossbeam_channel::Sender;

type Job = Box<dyn FnOnce() + Send>;

/// Why work sent to [`run`] gave no answer.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Interrupted(&'static str);

fn queue() -> &'static Sender<Job> {
    static QUEUE: OnceLock<Sender<Job>> = OnceLock::new();
    QUEUE.get_or_init(|| {
        let (sender, receiver) = crossbeam_channel::unbounded::<Job>();
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        for i in 0..=cores {
            let receiver = receiver.clone();
            std::thread::Builder::new()
                .name(format!("canllaw-search-{i}"))
                .spawn(move || receiver.iter().for_each(|job| job()))
                .expect("the operating system refused to start a search thread");
        }
        sender
    })
}

/// Runs `work` on a search thread and waits for its answer without blocking
/// the executor. Work whose caller has gone while it queued (a client that
/// hung up) is skipped.
pub async fn run<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Interrupted> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        if answer.is_closed() {
            return;
        }
        // A panic fails this request only; the thread lives on.
        let _ = answer.send(catch_unwind(AssertUnwindSafe(work)));
    });
    queue()
        .send(job)
        .map_err(|_| Interrupted("the search threads have stopped"))?;
    match answered.await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(_)) => Err(Interrupted("the search failed unexpectedly")),
        Err(_) => Err(Interrupted("the search threads have stopped")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn answers_in_order_and_survives_a_panic() {
        assert_eq!(run(|| 2 + 2).await.unwrap(), 4);
        let failed = run(|| -> u8 { panic!("boom") }).await;
        assert!(failed.is_err());
        // Every thread still answers after one of them panicked.
        let answers: Vec<_> = (0..16).map(|i| run(move || i * 2)).collect();
        for (i, answer) in answers.into_iter().enumerate() {
            assert_eq!(answer.await.unwrap(), i * 2);
        }
    }
}
