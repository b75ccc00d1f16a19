//! Home-decoration companies (装饰公司): leads registered by the customer manager, fair dispatch
//! to designers, lost leads (跑单) confirmed in two steps, and construction works (装修工程) with
//! stage visits and warranty. Plain rules only; the store applies them.

pub mod dispatch;
pub mod lead;
pub mod stats;
pub mod week;
pub mod works;
