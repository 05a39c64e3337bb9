package pii

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// Decimal degrees with at least four decimals (about 10 m): "50.94167, 6.95833".
	coordDecRe = guarded(`(-?\d{1,2}\.\d{4,})°?(?:\s*([NS]))?\s*[,;/ ]\s*(-?\d{1,3}\.\d{4,})°?(?:\s*([EWO]))?`)
	// Degrees, minutes and seconds: 48°8'23.4"N 11°34'12.3"E.
	coordDMSRe = guarded(`\d{1,2}°\s?\d{1,2}['′]\s?(?:\d{1,2}(?:[.,]\d+)?["″]\s?)?[NS],?\s*\d{1,3}°\s?\d{1,2}['′]\s?(?:\d{1,2}(?:[.,]\d+)?["″]\s?)?[EWO]`)
	ipRe       = guarded(`\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b`)
	ipNotRe    = regexp.MustCompile(`(?i)(version|v|ver\.?|release|build|firmware|update|os|ios|android)\s*$`)
)

// publicResolvers are well-known DNS services: everyone's, so nobody's.
var publicResolvers = map[string]bool{"1.1.1.1": true, "1.0.0.1": true, "8.8.8.8": true, "8.8.4.4": true, "9.9.9.9": true,
	"149.112.112.112": true, "208.67.222.222": true, "208.67.220.220": true, "94.140.14.14": true, "76.76.2.0": true}

// Coordinates finds precise geographic coordinates: decimal degrees with four or more
// decimals in valid ranges, or degrees with minutes and hemispheres.
func Coordinates(s string) []Match { return coordinates(s, newIndex(s)) }

func coordinates(s string, f *index) []Match {
	var out []Match
	for _, m := range coordDecRe.findAllSubmatch(s, f) {
		a, b := m[0], m[1]
		lat, err1 := strconv.ParseFloat(s[m[2]:m[3]], 64)
		lon, err2 := strconv.ParseFloat(s[m[6]:m[7]], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 || wordBefore(s, a) || wordAfter(s, b) {
			continue
		}
		out = append(out, Match{Start: a, End: b, Kind: Coordinate})
	}
	for _, loc := range coordDMSRe.findAll(s, f) {
		mm := Match{Start: loc[0], End: loc[1], Kind: Coordinate}
		if !overlaps(mm, out) {
			out = append(out, mm)
		}
	}
	return out
}

// IPAddresses finds IPv4 addresses with four octets of 0–255 that do not follow a
// version label ("Version 10.2.3.4") and are not loopback, private or documentation
// ranges, which identify nobody.
func IPAddresses(s string) []Match { return ipAddresses(s, newIndex(s)) }

func ipAddresses(s string, f *index) []Match {
	var out []Match
	for _, m := range ipRe.findAllSubmatch(s, f) {
		a, b := m[0], m[1]
		if a > 0 && (s[a-1] == '.' || s[a-1] == 'v' || s[a-1] == 'V') || b < len(s) && s[b] == '.' && b+1 < len(s) && s[b+1] >= '0' && s[b+1] <= '9' {
			continue
		}
		if ipNotRe.MatchString(s[max(0, a-12):a]) {
			continue
		}
		var o [4]int
		ok := true
		for i := range 4 {
			part := s[m[2+2*i]:m[3+2*i]]
			v, err := strconv.Atoi(part)
			if err != nil || v > 255 || len(part) > 1 && part[0] == '0' {
				ok = false
				break
			}
			o[i] = v
		}
		if !ok || publicResolvers[s[a:b]] || o[0] == 0 || o[0] == 10 || o[0] == 127 || o[0] >= 224 || o[0] == 192 && o[1] == 168 ||
			o[0] == 172 && o[1] >= 16 && o[1] <= 31 || strings.HasPrefix(s[a:b], "192.0.2.") {
			continue
		}
		out = append(out, Match{Start: a, End: b, Kind: IPAddress})
	}
	return out
}
