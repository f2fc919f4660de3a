//! The environment benchctl gives a server (SPEC.md, "How benchctl runs a
//! server").

use std::env;
use std::fmt::Display;
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::process;
use std::str::FromStr;

/// Where to listen, how many workers to run and where the ready line goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// `BENCHCTL_HTTP_HOST`:`BENCHCTL_HTTP_PORT`, bound exactly as given.
    pub addr: SocketAddr,
    /// `BENCHCTL_HTTP_THREADS`: event loops / workers to run (at least 1).
    pub threads: usize,
    /// `BENCHCTL_FD`: the protocol pipe.
    pub fd: i32,
}

impl Config {
    /// Reads the configuration through `get`, which looks up one variable
    /// (the process environment in production, a table in tests). An `Err`
    /// names the variable and what is wrong with it.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, String> {
        let host: IpAddr = required(&get, "BENCHCTL_HTTP_HOST", "an IP address")?;
        // Port 0 would let the kernel pick one that benchctl does not know.
        let port: u16 = required(&get, "BENCHCTL_HTTP_PORT", "a port number")?;
        if port == 0 {
            return Err("BENCHCTL_HTTP_PORT=0: a port from 1 to 65535 is needed".to_owned());
        }
        let threads: usize = required(&get, "BENCHCTL_HTTP_THREADS", "a number")?;
        if threads == 0 {
            return Err("BENCHCTL_HTTP_THREADS=0: at least one thread is needed".to_owned());
        }
        let fd: i32 = required(&get, "BENCHCTL_FD", "a file descriptor number")?;
        if fd < 0 {
            return Err(format!("BENCHCTL_FD={fd}: not a file descriptor"));
        }
        Ok(Config {
            addr: SocketAddr::new(host, port),
            threads,
            fd,
        })
    }

    /// Reads the process environment; a missing or invalid variable is
    /// reported on stderr and the process exits 2 (SPEC.md).
    pub fn from_env_or_exit() -> Config {
        let config = Config::from_lookup(|name| env::var(name).ok()).and_then(|config| {
            // Checked now so that a wrong number is a usage error rather than
            // a ready line written to some unrelated descriptor later.
            if Path::new(&format!("/proc/self/fd/{}", config.fd)).exists() {
                Ok(config)
            } else {
                Err(format!(
                    "BENCHCTL_FD={}: not an open file descriptor",
                    config.fd
                ))
            }
        });
        config.unwrap_or_else(|usage| {
            eprintln!("{usage}");
            eprintln!(
                "usage: run by benchctl, which sets BENCHCTL_HTTP_HOST, BENCHCTL_HTTP_PORT, \
                 BENCHCTL_HTTP_THREADS and BENCHCTL_FD (workloads/http/SPEC.md)"
            );
            process::exit(2);
        })
    }
}

fn required<T>(get: &impl Fn(&str) -> Option<String>, name: &str, what: &str) -> Result<T, String>
where
    T: FromStr,
    T::Err: Display,
{
    let text = get(name).ok_or_else(|| format!("{name} is not set"))?;
    text.parse()
        .map_err(|e| format!("{name}={text:?} is not {what}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(vars: &[(&str, &str)]) -> Result<Config, String> {
        let table: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| table.get(name).cloned())
    }

    const GOOD: [(&str, &str); 4] = [
        ("BENCHCTL_HTTP_HOST", "127.0.0.1"),
        ("BENCHCTL_HTTP_PORT", "18080"),
        ("BENCHCTL_HTTP_THREADS", "2"),
        ("BENCHCTL_FD", "3"),
    ];

    fn with(name: &str, value: Option<&str>) -> Result<Config, String> {
        let mut vars: Vec<(&str, &str)> =
            GOOD.iter().filter(|(k, _)| *k != name).copied().collect();
        if let Some(value) = value {
            vars.push((name, value));
        }
        read(&vars)
    }

    #[test]
    fn reads_all_four_variables() {
        assert_eq!(
            read(&GOOD),
            Ok(Config {
                addr: "127.0.0.1:18080".parse().unwrap(),
                threads: 2,
                fd: 3,
            })
        );
    }

    #[test]
    fn a_missing_variable_is_named() {
        for (name, _) in GOOD {
            assert_eq!(with(name, None), Err(format!("{name} is not set")));
        }
    }

    #[test]
    fn an_invalid_value_is_named_with_the_variable() {
        for (name, bad) in [
            ("BENCHCTL_HTTP_HOST", "localhost"),
            ("BENCHCTL_HTTP_PORT", "65536"),
            ("BENCHCTL_HTTP_PORT", "0"),
            ("BENCHCTL_HTTP_THREADS", "-1"),
            ("BENCHCTL_HTTP_THREADS", "0"),
            ("BENCHCTL_FD", "x"),
            ("BENCHCTL_FD", "-1"),
        ] {
            let err = with(name, Some(bad)).unwrap_err();
            assert!(err.starts_with(&format!("{name}=")), "{err}");
        }
    }
}
