//! Knowledge-base Markdown to HTML. Always sanitised with ammonia: content
//! is written by editors, and a slip (or a pasted `<script>`) must never run
//! in an adviser's browser.

use pulldown_cmark::{Options, Parser, html};

/// Renders Markdown to safe HTML.
pub fn to_safe_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::to_safe_html;

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = to_safe_html(
            "Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n**bold**",
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onerror"));
        assert!(html.contains("<strong>bold</strong>"));
    }
}
