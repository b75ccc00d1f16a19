//! Works.
