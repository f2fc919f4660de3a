//! The protocol's line-delimited JSON messages.

use serde::Serialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// Version of the message format, sent in every message.
pub const SCHEMA: u32 = 1;

/// One message to benchctl. Field order is the order on the wire.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Message<'a> {
    /// Setup is done; the resident set size at that point.
    Setup { rss_kb: u64 },
    /// The measurement.
    Result {
        verification: &'a RawValue,
        iterations: u64,
        warmup_ns: &'a [u64],
        samples_ns: &'a [u64],
        mismatches: u64,
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        counters: &'a BTreeMap<String, u64>,
    },
    /// The workload could not run.
    Error { message: &'a str },
}

#[derive(Serialize)]
struct Envelope<'a> {
    schema: u32,
    #[serde(flatten)]
    message: &'a Message<'a>,
}

impl Message<'_> {
    /// The message as one `\n`-terminated line.
    pub fn to_line(&self) -> Vec<u8> {
        let envelope = Envelope {
            schema: SCHEMA,
            message: self,
        };
        // Every field is a string, an integer or an already-built JSON value,
        // so serialising cannot fail.
        let mut line = serde_json::to_vec(&envelope).expect("protocol message serialises");
        line.push(b'\n');
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(json: &str) -> Box<RawValue> {
        RawValue::from_string(json.to_owned()).unwrap()
    }

    fn line(message: &Message) -> String {
        String::from_utf8(message.to_line()).unwrap()
    }

    #[test]
    fn setup_message() {
        assert_eq!(
            line(&Message::Setup { rss_kb: 10240 }),
            "{\"schema\":1,\"type\":\"setup\",\"rss_kb\":10240}\n"
        );
    }

    #[test]
    fn result_message_without_counters() {
        let verification = raw(r#"{"output_bytes":42}"#);
        let message = Message::Result {
            verification: &verification,
            iterations: 37,
            warmup_ns: &[5],
            samples_ns: &[10, 11],
            mismatches: 0,
            counters: &BTreeMap::new(),
        };
        assert_eq!(
            line(&message),
            "{\"schema\":1,\"type\":\"result\",\"verification\":{\"output_bytes\":42},\
             \"iterations\":37,\"warmup_ns\":[5],\"samples_ns\":[10,11],\"mismatches\":0}\n"
        );
    }

    #[test]
    fn result_message_with_counters() {
        let verification = raw(r#""x""#);
        let counters = BTreeMap::from([("bytes_per_iteration".to_owned(), 123456)]);
        let message = Message::Result {
            verification: &verification,
            iterations: 1,
            warmup_ns: &[],
            samples_ns: &[7],
            mismatches: 2,
            counters: &counters,
        };
        assert_eq!(
            line(&message),
            "{\"schema\":1,\"type\":\"result\",\"verification\":\"x\",\"iterations\":1,\
             \"warmup_ns\":[],\"samples_ns\":[7],\"mismatches\":2,\
             \"counters\":{\"bytes_per_iteration\":123456}}\n"
        );
    }

    #[test]
    fn error_message_escapes_its_text() {
        let message = Message::Error {
            message: "in.json: \"bad\"\nline 2 — é",
        };
        assert_eq!(
            line(&message),
            "{\"schema\":1,\"type\":\"error\",\"message\":\"in.json: \\\"bad\\\"\\nline 2 — é\"}\n"
        );
    }
}
