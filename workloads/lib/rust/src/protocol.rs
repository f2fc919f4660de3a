//! A workload process's connection to benchctl: its configuration, its
//! parameters and the protocol pipe. It has no timing loop, so a workload
//! that benchctl measures from outside can use it alone.

use crate::message::Message;
use crate::{Config, Error};
use std::env;
use std::fs::File;
use std::io::Write;
use std::os::fd::FromRawFd;
use std::path::Path;
use std::process;

/// The configuration and the protocol pipe.
pub struct Connection {
    config: Config,
    pipe: File,
}

impl Connection {
    /// Reads the protocol environment and takes the pipe. An `Err` is a
    /// usage error naming the variable that is wrong.
    pub fn from_env() -> Result<Connection, String> {
        let config = Config::from_lookup(|name| env::var(name).ok())?;
        // Checked before taking ownership so a wrong number is a usage error
        // rather than writes to some unrelated descriptor failing later.
        if !Path::new(&format!("/proc/self/fd/{}", config.fd)).exists() {
            return Err(format!(
                "BENCHCTL_FD={}: not an open file descriptor",
                config.fd
            ));
        }
        // SAFETY: the descriptor is open (checked above) and benchctl hands
        // it to this process for the protocol alone, so nothing else here
        // owns or closes it.
        let pipe = unsafe { File::from_raw_fd(config.fd) };
        Ok(Connection { config, pipe })
    }

    /// Like [`Connection::from_env`], but a usage error is printed on
    /// stderr and exits 2, as PROTOCOL.md asks.
    pub fn from_env_or_exit() -> Connection {
        Connection::from_env().unwrap_or_else(|usage| {
            eprintln!("{usage}");
            eprintln!(
                "usage: run by benchctl, which sets BENCHCTL_PROTOCOL=1, BENCHCTL_FD, \
                 BENCHCTL_WARMUP, BENCHCTL_SAMPLES, BENCHCTL_ITERATIONS, \
                 BENCHCTL_MIN_SAMPLE_NS and BENCHCTL_PARAM_<NAME> (workloads/PROTOCOL.md)"
            );
            process::exit(2);
        })
    }

    /// A connection that writes to `pipe`, for the library's own tests.
    #[cfg(test)]
    pub(crate) fn to_file(config: Config, pipe: File) -> Connection {
        Connection { config, pipe }
    }

    /// The configuration benchctl asked for.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The workload parameter `BENCHCTL_PARAM_<name>`, which must be set.
    pub fn param(&self, name: &str) -> Result<String, Error> {
        self.param_opt(name)?
            .ok_or_else(|| Error::new(format!("BENCHCTL_PARAM_{name} is not set")))
    }

    /// The workload parameter `BENCHCTL_PARAM_<name>`, if set.
    pub fn param_opt(&self, name: &str) -> Result<Option<String>, Error> {
        debug_assert!(!name.chars().any(|c| c.is_ascii_lowercase()));
        match env::var(format!("BENCHCTL_PARAM_{name}")) {
            Ok(value) => Ok(Some(value)),
            Err(env::VarError::NotPresent) => Ok(None),
            Err(env::VarError::NotUnicode(_)) => Err(Error::new(format!(
                "BENCHCTL_PARAM_{name} is not valid UTF-8"
            ))),
        }
    }

    /// Sends one message as a single write of one line.
    pub(crate) fn send(&mut self, message: &Message) -> Result<(), Error> {
        self.pipe
            .write_all(&message.to_line())
            .map_err(|e| Error::new(format!("protocol pipe BENCHCTL_FD={}: {e}", self.config.fd)))
    }

    /// Sends an `error` message and exits 1.
    pub fn fail(&mut self, error: &Error) -> ! {
        eprintln!("error: {error}");
        // Nothing more can be done if the pipe is gone too; stderr has it.
        let _ = self.send(&Message::Error { message: &error.0 });
        process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn sends_each_message_as_one_line() {
        let path = env::temp_dir().join(format!("benchlib-send-{}", process::id()));
        let config = Config {
            fd: -1,
            warmup: 0,
            samples: 1,
            iterations: None,
            min_sample_ns: 0,
        };
        let mut connection = Connection {
            config,
            pipe: File::create(&path).unwrap(),
        };
        connection.send(&Message::Setup { rss_kb: 7 }).unwrap();
        connection
            .send(&Message::Error {
                message: "in.json: bad",
            })
            .unwrap();
        let written = fs::read_to_string(&path).unwrap();
        fs::remove_file(&path).unwrap();
        assert_eq!(
            written,
            "{\"schema\":1,\"type\":\"setup\",\"rss_kb\":7}\n\
             {\"schema\":1,\"type\":\"error\",\"message\":\"in.json: bad\"}\n"
        );
    }
}
