//! The draft the startup bench opens with `edit`: 200 (or any number of) customers typed by
//! hand, every workload set, two people. Shared by the benches that measure reading it.

use cpc_wizard::profile::{Association, Count, Customer, Market, Person, Profile, Workload};

pub fn draft_with(customers: usize) -> Profile {
    let mut profile = Profile::new("Startup Bench Partner");
    profile.market = Some(Market::Developed);
    profile.customers = (0..customers)
        .map(|i| {
            let mut c = Customer::new(format!("Customer {i:05}"));
            c.association = Association::ALL[i % 4];
            c.trial = i % 17 == 0;
            for (k, w) in Workload::ALL.into_iter().enumerate() {
                let n = ((i * 37 + k * 11) % 500) as u64;
                c.active_users.set(w, Count::new(n).unwrap_or(Count::ZERO));
            }
            c
        })
        .collect();
    profile.staff = vec![Person::new("Mei Lin"), Person::new("Ray")];
    profile
}
