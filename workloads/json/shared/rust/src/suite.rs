//! The suite's parameters: `BENCHCTL_PARAM_OP` and `BENCHCTL_PARAM_SHAPE`.

use std::str::FromStr;

/// An operation of the suite (SPEC.md, "Operations").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    ParseDom,
    ParseTyped,
    Serialize,
}

impl FromStr for Op {
    type Err = String;

    fn from_str(s: &str) -> Result<Op, String> {
        match s {
            "parse-dom" => Ok(Op::ParseDom),
            "parse-typed" => Ok(Op::ParseTyped),
            "serialize" => Ok(Op::Serialize),
            _ => Err(format!(
                "unknown operation {s:?}: expected parse-dom, parse-typed or serialize"
            )),
        }
    }
}

/// The shape of an input document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Twitter,
    Citm,
    Canada,
    /// A document a user supplied: no schema, so no `parse-typed`.
    User,
}

impl FromStr for Shape {
    type Err = String;

    fn from_str(s: &str) -> Result<Shape, String> {
        match s {
            "twitter" => Ok(Shape::Twitter),
            "citm" => Ok(Shape::Citm),
            "canada" => Ok(Shape::Canada),
            "user" => Ok(Shape::User),
            _ => Err(format!(
                "unknown shape {s:?}: expected twitter, citm, canada or user"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_spec_names() {
        assert_eq!("parse-typed".parse(), Ok(Op::ParseTyped));
        assert_eq!("citm".parse(), Ok(Shape::Citm));
        assert!("parse_dom".parse::<Op>().unwrap_err().contains("parse-dom"));
        assert!("Twitter".parse::<Shape>().is_err());
    }
}
