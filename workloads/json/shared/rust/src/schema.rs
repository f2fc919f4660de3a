//! Native types for the generated shapes (SPEC.md, "Shapes"), decoded with
//! serde. `int` is `i64`, `float` is `f64`, `T | null` is `Option<T>`, and
//! objects keyed by numeric strings are `HashMap<String, T>`.

use crate::{Fold, TypedStats};
use serde::Deserialize;
use std::collections::HashMap;

/// Implements [`Fold`] for schema structs by folding every field.
macro_rules! fold_fields {
    ($($name:ident { $($field:ident),* $(,)? })*) => {$(
        impl Fold for $name {
            fn fold(&self, stats: &mut TypedStats) {
                // Destructured without `..`, so a field missing here is a
                // compile error rather than a silently wrong checksum.
                let $name { $($field),* } = self;
                $($field.fold(stats);)*
            }
        }
    )*};
}

/// `twitter`: string-heavy social feed.
pub mod twitter {
    use super::*;

    #[derive(Debug, Deserialize)]
    pub struct Twitter {
        pub statuses: Vec<Status>,
        pub search_metadata: SearchMetadata,
    }

    #[derive(Debug, Deserialize)]
    pub struct Status {
        pub id: i64,
        pub id_str: String,
        pub created_at: String,
        pub text: String,
        pub source: String,
        pub truncated: bool,
        pub in_reply_to_status_id: Option<i64>,
        pub user: User,
        pub entities: Entities,
        pub retweet_count: i64,
        pub favorite_count: i64,
        pub favorited: bool,
        pub retweeted: bool,
        pub lang: String,
    }

    #[derive(Debug, Deserialize)]
    pub struct User {
        pub id: i64,
        pub id_str: String,
        pub name: String,
        pub screen_name: String,
        pub location: String,
        pub description: String,
        pub url: Option<String>,
        pub followers_count: i64,
        pub friends_count: i64,
        pub verified: bool,
        pub created_at: String,
        pub profile_image_url: String,
    }

    #[derive(Debug, Deserialize)]
    pub struct Entities {
        pub hashtags: Vec<Hashtag>,
        pub urls: Vec<Url>,
        pub user_mentions: Vec<UserMention>,
    }

    #[derive(Debug, Deserialize)]
    pub struct Hashtag {
        pub text: String,
        pub indices: [i64; 2],
    }

    #[derive(Debug, Deserialize)]
    pub struct Url {
        pub url: String,
        pub expanded_url: String,
        pub indices: [i64; 2],
    }

    #[derive(Debug, Deserialize)]
    pub struct UserMention {
        pub screen_name: String,
        pub name: String,
        pub id: i64,
        pub indices: [i64; 2],
    }

    #[derive(Debug, Deserialize)]
    pub struct SearchMetadata {
        pub count: i64,
        pub completed_in: f64,
        pub max_id: i64,
        pub query: String,
        pub next_results: String,
    }

    fold_fields! {
        Twitter { statuses, search_metadata }
        Status {
            id, id_str, created_at, text, source, truncated, in_reply_to_status_id,
            user, entities, retweet_count, favorite_count, favorited, retweeted, lang,
        }
        User {
            id, id_str, name, screen_name, location, description, url,
            followers_count, friends_count, verified, created_at, profile_image_url,
        }
        Entities { hashtags, urls, user_mentions }
        Hashtag { text, indices }
        Url { url, expanded_url, indices }
        UserMention { screen_name, name, id, indices }
        SearchMetadata { count, completed_in, max_id, query, next_results }
    }
}

/// `citm`: nested objects, numeric-string keys, small integers.
pub mod citm {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Citm {
        pub area_names: HashMap<String, String>,
        pub events: HashMap<String, Event>,
        pub performances: Vec<Performance>,
        pub topic_names: HashMap<String, String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Event {
        pub id: i64,
        pub name: String,
        pub description: Option<String>,
        pub logo: Option<String>,
        pub sub_topic_ids: Vec<i64>,
        pub topic_ids: Vec<i64>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Performance {
        pub id: i64,
        pub event_id: i64,
        pub start: i64,
        pub venue_code: String,
        pub name: Option<String>,
        pub logo: Option<String>,
        pub seat_categories: Vec<SeatCategory>,
        pub prices: Vec<Price>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct SeatCategory {
        pub seat_category_id: i64,
        pub areas: Vec<Area>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Area {
        pub area_id: i64,
        pub block_ids: Vec<i64>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Price {
        pub amount: i64,
        pub audience_sub_category_id: i64,
        pub seat_category_id: i64,
    }

    fold_fields! {
        Citm { area_names, events, performances, topic_names }
        Event { id, name, description, logo, sub_topic_ids, topic_ids }
        Performance { id, event_id, start, venue_code, name, logo, seat_categories, prices }
        SeatCategory { seat_category_id, areas }
        Area { area_id, block_ids }
        Price { amount, audience_sub_category_id, seat_category_id }
    }
}

/// `canada`: number-heavy polygon coordinates.
pub mod canada {
    use super::*;

    #[derive(Debug, Deserialize)]
    pub struct Canada {
        #[serde(rename = "type")]
        pub kind: String,
        pub features: Vec<Feature>,
    }

    #[derive(Debug, Deserialize)]
    pub struct Feature {
        #[serde(rename = "type")]
        pub kind: String,
        pub properties: Properties,
        pub geometry: Geometry,
    }

    #[derive(Debug, Deserialize)]
    pub struct Properties {
        pub name: String,
        pub area: f64,
    }

    #[derive(Debug, Deserialize)]
    pub struct Geometry {
        #[serde(rename = "type")]
        pub kind: String,
        /// Polygon rings of `[longitude, latitude]` points.
        pub coordinates: Vec<Vec<[f64; 2]>>,
    }

    fold_fields! {
        Canada { kind, features }
        Feature { kind, properties, geometry }
        Properties { name, area }
        Geometry { kind, coordinates }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{mix, number_term};

    #[test]
    fn canada_folds_every_string_and_coordinate() {
        let json = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"name":"\u00e9","area":1e-30},
            "geometry":{"type":"Polygon","coordinates":[[[1.0,-2.5]]]}}]}"#;
        let doc: canada::Canada = serde_json::from_str(json).unwrap();
        let checksum = [1e-30, 1.0, -2.5]
            .map(number_term)
            .into_iter()
            .fold(0u64, u64::wrapping_add);
        assert_eq!(
            TypedStats::of(&doc),
            TypedStats {
                strings: 4,
                numbers: 3,
                string_bytes: 17 + 7 + 2 + 7,
                number_checksum: checksum,
                ..TypedStats::default()
            }
        );
    }

    #[test]
    fn citm_counts_nulls_and_skips_map_keys() {
        let json = r#"{"areaNames":{"205705993":"A"},
            "events":{"1":{"id":1,"name":"E","description":null,"logo":null,
                           "subTopicIds":[],"topicIds":[]}},
            "performances":[],"topicNames":{}}"#;
        let doc: citm::Citm = serde_json::from_str(json).unwrap();
        assert_eq!(
            TypedStats::of(&doc),
            TypedStats {
                strings: 2,
                numbers: 1,
                nulls: 2,
                string_bytes: 2,
                number_checksum: mix(1.0f64.to_bits()),
                ..TypedStats::default()
            }
        );
    }
}
