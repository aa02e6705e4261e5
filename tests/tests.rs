//! Integration tests, one binary: each module covers one area.

mod api;
mod cli;
mod common;
mod fixtures;
mod polnear;
mod properties;
mod review;
mod robustness;
mod rules;
mod seeds;
mod spark;
mod speakers;
