package jsonsuite

import "fmt"

// Document is a typed document of one generated shape; a pointer to it is
// what a codec decodes into.
type Document interface {
	// TypedStats folds the SPEC's typed stats over every field.
	TypedStats() TypedStats
}

// NewDocument returns a constructor of empty documents for shape. Each
// parse-typed iteration decodes into a fresh one, so nothing is reused.
func NewDocument(shape string) (func() Document, error) {
	switch shape {
	case "twitter":
		return func() Document { return new(Twitter) }, nil
	case "citm":
		return func() Document { return new(Citm) }, nil
	case "canada":
		return func() Document { return new(Canada) }, nil
	}
	return nil, fmt.Errorf("parse-typed has no schema for shape %q (want twitter, citm or canada)", shape)
}

// Twitter is the `twitter` shape: a string-heavy social feed.
type Twitter struct {
	Statuses       []Status       `json:"statuses"`
	SearchMetadata SearchMetadata `json:"search_metadata"`
}

// Status is one tweet of the twitter feed.
type Status struct {
	ID                int64    `json:"id"`
	IDStr             string   `json:"id_str"`
	CreatedAt         string   `json:"created_at"`
	Text              string   `json:"text"`
	Source            string   `json:"source"`
	Truncated         bool     `json:"truncated"`
	InReplyToStatusID *int64   `json:"in_reply_to_status_id"`
	User              User     `json:"user"`
	Entities          Entities `json:"entities"`
	RetweetCount      int64    `json:"retweet_count"`
	FavoriteCount     int64    `json:"favorite_count"`
	Favorited         bool     `json:"favorited"`
	Retweeted         bool     `json:"retweeted"`
	Lang              string   `json:"lang"`
}

// User is a tweet's author.
type User struct {
	ID              int64   `json:"id"`
	IDStr           string  `json:"id_str"`
	Name            string  `json:"name"`
	ScreenName      string  `json:"screen_name"`
	Location        string  `json:"location"`
	Description     string  `json:"description"`
	URL             *string `json:"url"`
	FollowersCount  int64   `json:"followers_count"`
	FriendsCount    int64   `json:"friends_count"`
	Verified        bool    `json:"verified"`
	CreatedAt       string  `json:"created_at"`
	ProfileImageURL string  `json:"profile_image_url"`
}

// Entities are the hashtags, links and mentions found in a tweet's text.
type Entities struct {
	Hashtags     []Hashtag     `json:"hashtags"`
	URLs         []URL         `json:"urls"`
	UserMentions []UserMention `json:"user_mentions"`
}

// Indices is a [start, end) pair; a fixed-size array, as the schema says.
type Indices [2]int64

// Hashtag is a #tag and where it appears in the text.
type Hashtag struct {
	Text    string  `json:"text"`
	Indices Indices `json:"indices"`
}

// URL is a link and where it appears in the text.
type URL struct {
	URL         string  `json:"url"`
	ExpandedURL string  `json:"expanded_url"`
	Indices     Indices `json:"indices"`
}

// UserMention is an @mention and where it appears in the text.
type UserMention struct {
	ScreenName string  `json:"screen_name"`
	Name       string  `json:"name"`
	ID         int64   `json:"id"`
	Indices    Indices `json:"indices"`
}

// SearchMetadata describes the search that produced the feed.
type SearchMetadata struct {
	Count       int64   `json:"count"`
	CompletedIn float64 `json:"completed_in"`
	MaxID       int64   `json:"max_id"`
	Query       string  `json:"query"`
	NextResults string  `json:"next_results"`
}

// TypedStats implements Document.
func (d *Twitter) TypedStats() TypedStats {
	var t TypedStats
	for i := range d.Statuses {
		s := &d.Statuses[i]
		t.addInt(s.ID)
		t.addStr(s.IDStr)
		t.addStr(s.CreatedAt)
		t.addStr(s.Text)
		t.addStr(s.Source)
		t.addBool(s.Truncated)
		t.addOptInt(s.InReplyToStatusID)

		u := &s.User
		t.addInt(u.ID)
		t.addStr(u.IDStr)
		t.addStr(u.Name)
		t.addStr(u.ScreenName)
		t.addStr(u.Location)
		t.addStr(u.Description)
		t.addOptStr(u.URL)
		t.addInt(u.FollowersCount)
		t.addInt(u.FriendsCount)
		t.addBool(u.Verified)
		t.addStr(u.CreatedAt)
		t.addStr(u.ProfileImageURL)

		for _, h := range s.Entities.Hashtags {
			t.addStr(h.Text)
			t.addInts(h.Indices[:])
		}
		for _, l := range s.Entities.URLs {
			t.addStr(l.URL)
			t.addStr(l.ExpandedURL)
			t.addInts(l.Indices[:])
		}
		for _, m := range s.Entities.UserMentions {
			t.addStr(m.ScreenName)
			t.addStr(m.Name)
			t.addInt(m.ID)
			t.addInts(m.Indices[:])
		}

		t.addInt(s.RetweetCount)
		t.addInt(s.FavoriteCount)
		t.addBool(s.Favorited)
		t.addBool(s.Retweeted)
		t.addStr(s.Lang)
	}
	m := &d.SearchMetadata
	t.addInt(m.Count)
	t.addFloat(m.CompletedIn)
	t.addInt(m.MaxID)
	t.addStr(m.Query)
	t.addStr(m.NextResults)
	return t
}

// Citm is the `citm` shape: a catalogue keyed by numeric strings. Map keys
// are keys, not string values, so they do not enter the typed stats.
type Citm struct {
	AreaNames    map[string]string `json:"areaNames"`
	Events       map[string]Event  `json:"events"`
	Performances []Performance     `json:"performances"`
	TopicNames   map[string]string `json:"topicNames"`
}

// Event is a catalogue entry of the citm shape.
type Event struct {
	ID          int64   `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description"`
	Logo        *string `json:"logo"`
	SubTopicIDs []int64 `json:"subTopicIds"`
	TopicIDs    []int64 `json:"topicIds"`
}

// Performance is one dated performance of an event.
type Performance struct {
	ID             int64          `json:"id"`
	EventID        int64          `json:"eventId"`
	Start          int64          `json:"start"`
	VenueCode      string         `json:"venueCode"`
	Name           *string        `json:"name"`
	Logo           *string        `json:"logo"`
	SeatCategories []SeatCategory `json:"seatCategories"`
	Prices         []Price        `json:"prices"`
}

// SeatCategory lists the areas and blocks of one seat category.
type SeatCategory struct {
	SeatCategoryID int64  `json:"seatCategoryId"`
	Areas          []Area `json:"areas"`
}

// Area is a seating area and its blocks.
type Area struct {
	AreaID   int64   `json:"areaId"`
	BlockIDs []int64 `json:"blockIds"`
}

// Price is a price for one audience and seat category.
type Price struct {
	Amount                int64 `json:"amount"`
	AudienceSubCategoryID int64 `json:"audienceSubCategoryId"`
	SeatCategoryID        int64 `json:"seatCategoryId"`
}

// TypedStats implements Document.
func (d *Citm) TypedStats() TypedStats {
	var t TypedStats
	for _, name := range d.AreaNames {
		t.addStr(name)
	}
	for _, e := range d.Events {
		t.addInt(e.ID)
		t.addStr(e.Name)
		t.addOptStr(e.Description)
		t.addOptStr(e.Logo)
		t.addInts(e.SubTopicIDs)
		t.addInts(e.TopicIDs)
	}
	for i := range d.Performances {
		p := &d.Performances[i]
		t.addInt(p.ID)
		t.addInt(p.EventID)
		t.addInt(p.Start)
		t.addStr(p.VenueCode)
		t.addOptStr(p.Name)
		t.addOptStr(p.Logo)
		for _, c := range p.SeatCategories {
			t.addInt(c.SeatCategoryID)
			for _, a := range c.Areas {
				t.addInt(a.AreaID)
				t.addInts(a.BlockIDs)
			}
		}
		for _, pr := range p.Prices {
			t.addInt(pr.Amount)
			t.addInt(pr.AudienceSubCategoryID)
			t.addInt(pr.SeatCategoryID)
		}
	}
	for _, name := range d.TopicNames {
		t.addStr(name)
	}
	return t
}

// Canada is the `canada` shape: number-heavy polygon coordinates.
type Canada struct {
	Type     string    `json:"type"`
	Features []Feature `json:"features"`
}

// Feature is one region of the canada shape.
type Feature struct {
	Type       string     `json:"type"`
	Properties Properties `json:"properties"`
	Geometry   Geometry   `json:"geometry"`
}

// Properties are a feature's name and area.
type Properties struct {
	Name string  `json:"name"`
	Area float64 `json:"area"`
}

// Point is a [longitude, latitude] pair.
type Point [2]float64

// Geometry is a polygon: rings of points.
type Geometry struct {
	Type        string    `json:"type"`
	Coordinates [][]Point `json:"coordinates"`
}

// TypedStats implements Document.
func (d *Canada) TypedStats() TypedStats {
	var t TypedStats
	t.addStr(d.Type)
	for i := range d.Features {
		f := &d.Features[i]
		t.addStr(f.Type)
		t.addStr(f.Properties.Name)
		t.addFloat(f.Properties.Area)
		t.addStr(f.Geometry.Type)
		for _, ring := range f.Geometry.Coordinates {
			for _, p := range ring {
				t.addFloat(p[0])
				t.addFloat(p[1])
			}
		}
	}
	return t
}
