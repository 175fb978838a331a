//! The Markdown layer: a flat list of top-level blocks with exact byte ranges, read with
//! pulldown-cmark, before any meaning is given to them.

mod blocks;
mod inline;

pub(crate) use blocks::{read_blocks, Block, CodeBlock, Item, ListBlock, TableBlock};
pub(crate) use inline::{plain, split_label, unescape_cell};
