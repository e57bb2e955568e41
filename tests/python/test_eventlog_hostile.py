"""kn.eventlog against hostile and out-of-range input: the XES reader's token and size limits
(plain and .gz, enforced while streaming), timestamps outside the int64-nanosecond range in
XES, CSV and pandas, clock values out of range, truncated and corrupt gzip, unsigned and
minimum integers in attribute columns. Every failure is a ValueError naming where."""
from __future__ import annotations

import gzip
import time
import zlib

import numpy as np
import pandas as pd
import pytest

from ketennet import eventlog as ev

RANGE = "1677-09-21T00:12:43.145224193Z to 2262-04-11T23:47:16.854775807Z"


def xes_text(timestamp: str = "2024-01-01T00:00:00Z", extra: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<log>\n<trace>\n'
            '<string key="concept:name" value="c1"/>\n<event>\n'
            '<string key="concept:name" value="aangifte"/>\n'
            f'<date key="time:timestamp" value="{timestamp}"/>\n{extra}</event>\n</trace>\n</log>\n')


def write(path, text: str, gz: bool = False):
    data = text.encode()
    path.write_bytes(gzip.compress(data, compresslevel=1) if gz else data)
    return path


# ----------------------------------------------------------------------------- limits

def huge_value_xes(path, value_bytes: int, gz: bool):
    """A log whose one event attribute value is @value_bytes long, streamed to disk."""
    head = xes_text(extra='<string key="note" value="').split("</event>")[0]
    tail = '"/>\n</event>\n</trace>\n</log>\n'
    block = b"a" * (1 << 20)
    opener = gzip.open(path, "wb", compresslevel=1) if gz else open(path, "wb")
    with opener as f:
        f.write(head.encode())
        for _ in range(value_bytes >> 20):
            f.write(block)
        f.write(tail.encode())
    return path


@pytest.mark.parametrize("gz", [True, False], ids=["xes.gz", "xes"])
def test_a_64_mib_attribute_value_fails_fast_over_a_lowered_token_limit(tmp_path, gz):
    path = huge_value_xes(tmp_path / ("huge.xes.gz" if gz else "huge.xes"), 64 << 20, gz)
    t0 = time.perf_counter()
    with pytest.raises(ValueError, match=r"huge\.xes(\.gz)?:\d+: an XML token .* is longer than "
                                         r"the limit max_token_bytes = 1048576 bytes \(1 MiB\)"):
        ev.read_xes(path, max_token_bytes=1 << 20)
    assert time.perf_counter() - t0 < 0.5


def test_a_token_within_the_limit_is_read_and_one_over_it_is_refused(tmp_path):
    value = "x" * 5000
    path = write(tmp_path / "long.xes", xes_text(extra=f'<string key="note" value="{value}"/>\n'))
    log = ev.read_xes(path, max_token_bytes=6000)
    assert log.to_pandas()["note"].iloc[0] == value
    with pytest.raises(ValueError, match=r"long\.xes:8: an XML token .* of at least 50\d\d bytes is "
                                         r"longer than the limit max_token_bytes = 4096 bytes"):
        ev.read_xes(path, max_token_bytes=4096)
    assert ev.read_xes(path, max_token_bytes=None).n_events == 1


def test_the_default_token_limit_is_16_mib(tmp_path):
    assert ev.XES_MAX_TOKEN_BYTES == 16 * 2**20 and ev.XES_MAX_BYTES == 4 * 2**30
    path = huge_value_xes(tmp_path / "big.xes.gz", 17 << 20, gz=True)
    with pytest.raises(ValueError, match=r"big\.xes\.gz:\d+: an XML token .* longer than the limit "
                                         r"max_token_bytes = 16777216 bytes \(16 MiB\)"):
        ev.read_xes(path)


def test_decompressed_size_limit_stops_a_compression_bomb(tmp_path):
    # 64 MiB of whitespace inside the log compresses to ~64 KiB
    path = tmp_path / "bomb.xes.gz"
    with gzip.open(path, "wb", compresslevel=9) as f:
        f.write(xes_text().replace("</log>", "").encode())
        for _ in range(64):
            f.write(b" " * (1 << 20))
        f.write(b"</log>\n")
    assert path.stat().st_size < 1 << 20
    t0 = time.perf_counter()
    with pytest.raises(ValueError, match=r"bomb\.xes\.gz: the XML text \(decompressed\) is longer "
                                         r"than the limit max_bytes = 8388608 bytes \(8 MiB\)"):
        ev.read_xes(path, max_bytes=8 << 20)
    assert time.perf_counter() - t0 < 0.5
    assert ev.read_xes(path).n_events == 1


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_limits_must_be_positive_integers_or_none(tmp_path, bad):
    path = write(tmp_path / "ok.xes", xes_text())
    with pytest.raises((ValueError, TypeError), match="max_token_bytes must be"):
        ev.read_xes(path, max_token_bytes=bad)


# ----------------------------------------------------------------------------- timestamps

@pytest.mark.parametrize("stamp", ["9999-12-31T00:00:00Z", "1000-01-01T00:00:00Z",
                                   "2262-04-11T23:47:16.854775808Z", "1677-09-21T00:12:43.145224192Z"])
def test_xes_timestamps_outside_the_int64_range_are_refused(tmp_path, stamp):
    path = write(tmp_path / "far.xes", xes_text(stamp))
    with pytest.raises(ValueError, match=rf"far\.xes:7:\d+: event 0 of trace 'c1': time:timestamp "
                                         rf"'{stamp}' is outside the supported range {RANGE}"):
        ev.read_xes(path)


def test_xes_timestamps_at_the_ends_of_the_range_are_exact(tmp_path):
    for stamp, expected in [("2262-04-11T23:47:16.854775807Z", pd.Timestamp.max),
                            ("1677-09-21T00:12:43.145224193Z", pd.Timestamp.min),
                            ("1677-09-21T01:12:43.145224193+01:00", pd.Timestamp.min)]:
        log = ev.read_xes(write(tmp_path / "edge.xes", xes_text(stamp)))
        assert log.to_pandas()["time:timestamp"].iloc[0] == expected.tz_localize("UTC")


def test_xes_date_attributes_outside_the_range_are_refused(tmp_path):
    path = write(tmp_path / "attr.xes", xes_text(extra='<date key="due" value="9999-12-31"/>\n'))
    with pytest.raises(ValueError, match=rf"attr\.xes:8:\d+: date attribute 'due': '9999-12-31' is "
                                         rf"outside the supported range {RANGE}"):
        ev.read_xes(path)


@pytest.mark.parametrize("stamp", ["2024-01-01T24:59:60Z", "2024-01-01T23:59:60Z",
                                   "2024-01-01T24:00:01Z", "2024-01-01T23:60:00Z"])
def test_xes_clock_values_out_of_range_and_leap_seconds_are_refused(tmp_path, stamp):
    path = write(tmp_path / "clock.xes", xes_text(stamp))
    with pytest.raises(ValueError, match=rf"clock\.xes:7:\d+: time:timestamp: cannot parse '{stamp}' "
                                         r"as an ISO 8601 date \(clock 00:00:00 to 23:59:59, or 24:00:00\)"):
        ev.read_xes(path)


def test_xes_24_00_00_is_midnight_of_the_next_day(tmp_path):
    log = ev.read_xes(write(tmp_path / "end.xes", xes_text("2024-12-31T24:00:00Z")))
    assert log.to_pandas()["time:timestamp"].iloc[0] == pd.Timestamp("2025-01-01T00:00:00Z")


def frame(stamps) -> pd.DataFrame:
    return pd.DataFrame({"case:concept:name": ["z1"] * len(stamps),
                         "concept:name": [f"a{i}" for i in range(len(stamps))],
                         "time:timestamp": stamps})


@pytest.mark.parametrize("stamp", ["9999-12-31", "1000-01-01"])
def test_from_pandas_refuses_text_timestamps_outside_the_range(stamp):
    with pytest.raises(ValueError, match=rf"row 1: the timestamp '{stamp}' in column 'time:timestamp' "
                                         rf"is outside the supported range {RANGE}"):
        ev.from_pandas(frame(["2024-01-01", stamp]))


@pytest.mark.parametrize("unit", ["s", "ms", "us"])
def test_from_pandas_refuses_datetime_columns_outside_the_range_whatever_their_unit(unit):
    stamps = pd.Series(np.array(["2024-01-01", "9999-12-31"], dtype=f"datetime64[{unit}]"))
    with pytest.raises(ValueError, match=r"row 1: the timestamp Timestamp\('9999-12-31 00:00:00'\) in "
                                         rf"column 'time:timestamp' is outside the supported range {RANGE}"):
        ev.from_pandas(frame(stamps))
    aware = pd.Series(np.array(["1000-01-01", "2024-01-01"], dtype=f"datetime64[{unit}]")).dt.tz_localize("UTC")
    with pytest.raises(ValueError, match=r"row 0: the timestamp .*1000-01-01.* is outside"):
        ev.from_pandas(frame(aware))


def test_from_pandas_keeps_second_resolution_timestamps_exact():
    stamps = pd.Series(np.array(["1700-01-01T00:00:01", "2200-01-01T00:00:00"], dtype="datetime64[s]"))
    out = ev.from_pandas(frame(stamps)).to_pandas()["time:timestamp"]
    assert list(out) == [pd.Timestamp("1700-01-01T00:00:01Z"), pd.Timestamp("2200-01-01T00:00:00Z")]


@pytest.mark.parametrize("stamp", ["9999-12-31T00:00:00Z", "1000-01-01T00:00:00Z"])
def test_read_csv_refuses_timestamps_outside_the_range_naming_file_and_record(tmp_path, stamp):
    path = tmp_path / "far.csv"
    frame(["2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", stamp]).to_csv(path, index=False)
    with pytest.raises(ValueError, match=rf"far\.csv: record 2: the timestamp '{stamp}' in column "
                                         rf"'time:timestamp' is outside the supported range {RANGE}"):
        ev.read_csv(path)


def test_date_attribute_columns_are_checked_too():
    df = frame(["2024-01-01", "2024-01-02"]).assign(
        due=np.array(["2024-02-01", "9999-12-31"], dtype="datetime64[s]"))
    with pytest.raises(ValueError, match=rf"row 1: the timestamp .* in column 'due' is outside the "
                                         rf"supported range {RANGE}"):
        ev.from_pandas(df)


# ----------------------------------------------------------------------------- integers

def test_from_pandas_refuses_uint64_above_the_int64_maximum():
    df = frame(["2024-01-01", "2024-01-02"]).assign(amount=np.array([1, 2**63 + 5], dtype=np.uint64))
    with pytest.raises(ValueError, match=r"row 1: the value 9223372036854775813 in the integer column "
                                         r"'amount' is above the int64 maximum 9223372036854775807"):
        ev.from_pandas(df)
    ok = frame(["2024-01-01", "2024-01-02"]).assign(amount=np.array([1, 2**63 - 1], dtype=np.uint64))
    assert list(ev.from_pandas(ok).to_pandas()["amount"]) == [1, 2**63 - 1]


def test_from_pandas_refuses_the_int64_minimum_which_means_missing():
    lo = np.iinfo(np.int64).min
    df = frame(["2024-01-01", "2024-01-02"]).assign(amount=np.array([3, lo], dtype=np.int64))
    with pytest.raises(ValueError, match=rf"row 1: the value {lo} in the integer column 'amount' is "
                                         r"the int64 minimum, which an event log reserves for a missing"):
        ev.from_pandas(df)
    na = frame(["2024-01-01", "2024-01-02"]).assign(amount=pd.array([3, lo + 1], dtype="Int64"))
    assert list(ev.from_pandas(na).to_pandas()["amount"]) == [3, lo + 1]


# ----------------------------------------------------------------------------- gzip

def test_gzip_without_its_trailer_is_a_value_error(tmp_path):
    data = gzip.compress(xes_text().encode())
    path = tmp_path / "cut.xes.gz"
    path.write_bytes(data[:-8])  # the XML inside is complete; the CRC and length are missing
    with pytest.raises(ValueError, match=r"cut\.xes\.gz: truncated or corrupt gzip: unexpected end of file"):
        ev.read_xes(path)
    path.write_bytes(data[: len(data) // 2])  # cut in the middle of the compressed data
    with pytest.raises(ValueError, match=r"cut\.xes\.gz: truncated or corrupt gzip"):
        ev.read_xes(path)


@pytest.mark.parametrize("field,offset", [("CRC", -8), ("length", -4)])
def test_gzip_with_a_bad_crc_or_length_is_a_value_error(tmp_path, field, offset):
    data = bytearray(gzip.compress(xes_text().encode()))
    data[offset] ^= 0x01
    path = tmp_path / "bad.xes.gz"
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match=r"bad\.xes\.gz: truncated or corrupt gzip: incorrect "
                                         + ("data" if field == "CRC" else "length") + " check"):
        ev.read_xes(path)


def test_corrupt_compressed_data_is_a_value_error_not_an_os_error(tmp_path):
    body = zlib.compressobj(9, zlib.DEFLATED, 31)
    data = bytearray(body.compress(xes_text().encode() * 50) + body.flush())
    data[30] ^= 0xFF
    path = tmp_path / "corrupt.xes.gz"
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match=r"corrupt\.xes\.gz: truncated or corrupt gzip: ") as e:
        ev.read_xes(path)
    assert not isinstance(e.value, OSError)


def test_a_path_with_a_nul_is_refused_not_truncated(tmp_path):
    path = write(tmp_path / "ok.xes", xes_text())
    with pytest.raises(ValueError, match=r"ok\.xes\\0\.\.\.': a path must not contain a NUL"):
        ev.read_xes(str(path) + "\0.txt")


@pytest.mark.parametrize("damage", ["no trailer", "cut in half", "bad CRC", "bad data"])
def test_read_csv_of_a_truncated_or_corrupt_gzip_is_a_value_error(tmp_path, damage):
    text = "case:concept:name,concept:name,time:timestamp\n" + "".join(
        f"z{i},aangifte,2024-01-01T00:00:00Z\n" for i in range(2000))
    data = bytearray(gzip.compress(text.encode()))
    if damage == "no trailer":
        data = data[:-8]
    elif damage == "cut in half":
        data = data[: len(data) // 2]
    elif damage == "bad CRC":
        data[-8] ^= 0x01
    else:
        data[30] ^= 0xFF
    path = tmp_path / "log.csv.gz"
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match=r"log\.csv\.gz: truncated or corrupt compressed file: ") as e:
        ev.read_csv(path)
    assert not isinstance(e.value, OSError)


def test_from_pandas_refuses_a_complex_attribute_column_rather_than_dropping_its_imaginary_part():
    df = frame(["2024-01-01", "2024-01-02"]).assign(volume=np.array([1 + 0j, 2 + 3j]))
    with pytest.raises(TypeError, match=r"attribute column 'volume' has the complex dtype complex128"):
        ev.from_pandas(df)


def test_xes_int_attribute_with_the_int64_minimum_is_refused_not_read_as_missing(tmp_path):
    lo = np.iinfo(np.int64).min
    path = write(tmp_path / "min.xes", xes_text(extra=f'<int key="n" value="{lo}"/>\n'))
    with pytest.raises(ValueError, match=rf"min\.xes:8:\d+: int attribute 'n': {lo} is the int64 minimum, "
                                         r"which an event log reserves for a missing value"):
        ev.read_xes(path)
    path = write(tmp_path / "min1.xes", xes_text(extra=f'<int key="n" value="{lo + 1}"/>\n'))
    assert ev.read_xes(path).to_pandas()["n"].iloc[0] == lo + 1
