//! Walking a guided flow: the answers given so far, as the position of each
//! chosen answer, lead from the first question to the current question or
//! to an outcome. Pages keep the answers in their address (`?a=0.2.1`), so
//! a flow needs no session and every step can be bookmarked or gone back to.

use super::lookup::LookupError;
use super::model::{Answer, Flow, Outcome, Question};

/// Most answers a walk may hold: longer than any flow, short enough that an
/// address cannot make the walk do much work.
pub const MAX_ANSWERS: usize = 40;

/// Where a walk has got to.
#[derive(Debug)]
pub enum Position<'a> {
    /// The next question to answer.
    Question(&'a Question),
    /// The end of the flow.
    Outcome(&'a Outcome),
}

/// A flow walked along the given answers.
#[derive(Debug)]
pub struct Walk<'a> {
    /// Each question answered, with the answer chosen, in order.
    pub answered: Vec<(&'a Question, &'a Answer)>,
    /// Where the answers lead.
    pub at: Position<'a>,
}

/// The answers in an address: positions joined by dots (`0.2.1`); empty for
/// none. Anything else is refused as the parameter it came in.
pub fn parse_answers(text: &str) -> Result<Vec<usize>, LookupError> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let bad = || LookupError::UnknownValue("a");
    // Counted before anything is parsed; digits only ("+1" is not ours).
    if text.split('.').count() > MAX_ANSWERS {
        return Err(bad());
    }
    text.split('.')
        .map(|p| {
            let digits = !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit());
            digits
                .then(|| p.parse::<usize>().ok())
                .flatten()
                .ok_or_else(bad)
        })
        .collect()
}

/// The answers written for an address.
pub fn format_answers(answers: &[usize]) -> String {
    answers
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

impl Flow {
    /// The question with `id`.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Walks the flow from its first question along `answers`. An answer
    /// that does not exist, or answers after the flow has ended, are an
    /// error: the address was not made by the flow's own pages.
    pub fn walk(&self, answers: &[usize]) -> Result<Walk<'_>, LookupError> {
        let bad = || LookupError::UnknownValue("a");
        let mut answered = Vec::new();
        let mut at = Position::Question(self.question(&self.start).ok_or_else(bad)?);
        for &choice in answers {
            let Position::Question(q) = at else {
                return Err(bad());
            };
            let answer = q.answers.get(choice).ok_or_else(bad)?;
            answered.push((q, answer));
            at = match (&answer.next, &answer.outcome) {
                (Some(next), _) => Position::Question(self.question(next).ok_or_else(bad)?),
                (None, Some(outcome)) => Position::Outcome(
                    self.outcomes
                        .iter()
                        .find(|o| &o.id == outcome)
                        .ok_or_else(bad)?,
                ),
                (None, None) => return Err(bad()),
            };
        }
        Ok(Walk { answered, at })
    }

    /// `answers`, carried on with the answers `before` gave to the
    /// questions the walk meets next: after a changed answer, questions
    /// already answered are not asked again (GOV.UK's "check answers"
    /// pattern). It stops at the first question `before` did not answer,
    /// or at the end. `before` must be a walk of this flow.
    pub fn resume(&self, answers: &[usize], before: &[usize]) -> Result<Vec<usize>, LookupError> {
        let earlier = self.walk(before)?;
        let mut out = answers.to_vec();
        while out.len() < MAX_ANSWERS {
            let Position::Question(q) = self.walk(&out)?.at else {
                break;
            };
            let again = earlier
                .answered
                .iter()
                .zip(before)
                .find(|((asked, _), _)| asked.id == q.id)
                .map(|(_, &choice)| choice);
            match again {
                Some(choice) => out.push(choice),
                None => break,
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One → (A) two → three, or (B) straight to three; three ends.
    fn flow() -> Flow {
        toml::from_str(
            r#"
            id = "f"
            audience = "public"
            start = "one"
            title = { cy = "T", en = "T" }
            [[questions]]
            id = "one"
            text = { cy = "1?", en = "1?" }
            answers = [
              { label = { cy = "A", en = "A" }, next = "two" },
              { label = { cy = "B", en = "B" }, next = "three" },
            ]
            [[questions]]
            id = "two"
            text = { cy = "2?", en = "2?" }
            answers = [{ label = { cy = "x", en = "x" }, next = "three" }]
            [[questions]]
            id = "three"
            text = { cy = "3?", en = "3?" }
            answers = [
              { label = { cy = "y", en = "y" }, outcome = "end-y" },
              { label = { cy = "z", en = "z" }, outcome = "end-z" },
            ]
            [[outcomes]]
            id = "end-y"
            text = { cy = "Y", en = "Y" }
            [[outcomes]]
            id = "end-z"
            text = { cy = "Z", en = "Z" }
            "#,
        )
        .unwrap()
    }

    #[test]
    fn answers_lead_to_questions_then_an_outcome() {
        let f = flow();
        let at = |answers: &[usize]| match f.walk(answers).unwrap().at {
            Position::Question(q) => q.id.clone(),
            Position::Outcome(o) => o.id.clone(),
        };
        assert_eq!(at(&[]), "one");
        assert_eq!(at(&[0]), "two");
        assert_eq!(at(&[1]), "three");
        assert_eq!(at(&[0, 0, 1]), "end-z");
        assert_eq!(f.walk(&[0, 0, 1]).unwrap().answered.len(), 3);
        // No such answer; answers after the end.
        assert!(f.walk(&[2]).is_err());
        assert!(f.walk(&[1, 0, 0]).is_err());
    }

    #[test]
    fn a_changed_answer_keeps_the_answers_to_questions_met_again() {
        let f = flow();
        // A, x, z; then the first changed to B: "three" was answered.
        assert_eq!(f.resume(&[1], &[0, 0, 1]).unwrap(), vec![1, 1]);
        // B, y; then changed to A: "two" is new, so it is asked.
        assert_eq!(f.resume(&[0], &[1, 0]).unwrap(), vec![0]);
        // The same answer again: everything as it was.
        assert_eq!(f.resume(&[0], &[0, 0, 1]).unwrap(), vec![0, 0, 1]);
        // An address the flow did not make is refused.
        assert!(f.resume(&[0], &[5]).is_err());
    }

    #[test]
    fn addresses_hold_only_answer_positions() {
        assert_eq!(parse_answers("").unwrap(), Vec::<usize>::new());
        assert_eq!(parse_answers("0.2.1").unwrap(), vec![0, 2, 1]);
        assert_eq!(format_answers(&[0, 2, 1]), "0.2.1");
        for bad in ["x", "0..1", "-1", "+1", "0.1.", "1234", &"0.".repeat(41)] {
            assert!(parse_answers(bad).is_err(), "{bad}");
        }
    }
}
