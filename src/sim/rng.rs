//! The one seeded random number generator. Every random draw in the
//! simulation goes through it, in a fixed order, so a seed replays a run.

use bevy::prelude::*;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The run's RNG (ChaCha8: portable, same stream on every platform).
#[derive(Resource, Debug, Clone)]
pub struct SimRng(pub ChaCha8Rng);

impl SimRng {
    /// A generator for this seed.
    pub fn new(seed: u64) -> Self {
        SimRng(ChaCha8Rng::seed_from_u64(seed))
    }

    /// True with probability `p` (clamped to 0..1). Always draws, so the
    /// stream does not depend on the value of `p`.
    pub fn chance(&mut self, p: f32) -> bool {
        let x: f32 = self.0.random();
        x < p.clamp(0.0, 1.0)
    }

    /// A uniform number in `lo..hi`.
    pub fn range(&mut self, lo: f32, hi: f32) -> f32 {
        if hi <= lo {
            return lo;
        }
        self.0.random_range(lo..hi)
    }

    /// A whole number of ticks for a duration between `lo` and `hi` seconds.
    pub fn ticks(&mut self, lo: f32, hi: f32) -> u32 {
        (self.range(lo, hi) * crate::events::TICK_HZ as f32).round() as u32
    }

    /// A uniform index below `n` (0 when `n` is 0).
    pub fn index(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        self.0.random_range(0..n)
    }
}
