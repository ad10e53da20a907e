"""The synthetic cube the ingest benchmarks load: a tidy CSV written by `krapte demo --cube-observations` and its
mapping (period, region, sector, occupation, measure, value, status)."""
import json, os, subprocess


def write_cube(krapte, rows, work):
    """Writes the CSV of `rows` observations and its mapping into `work`; returns their paths. Fails when the file does
    not hold exactly `rows` observations, so that no rate is computed from a count the file does not have."""
    csv_path = os.path.join(work, 'cube.csv')
    subprocess.run([krapte, 'demo', '--cube-observations', str(rows), '--cube-file', csv_path], check=True, stdout=subprocess.DEVNULL)
    with open(csv_path, 'rb') as f:
        held = sum(1 for _ in f) - 1
    assert held == rows, f'the cube file holds {held:,} observations, not {rows:,}'

    mapping = {'dataset': 'cube', 'period': 'period', 'status': 'status',
               'dimensions': [{'column': 'region', 'code': 'RegioS'}, {'column': 'sector', 'code': 'Sector'},
                              {'column': 'occupation', 'code': 'Beroep'}],
               'measureColumn': 'measure', 'valueColumn': 'value', 'measures': [{'code': 'vacatures'}, {'code': 'ww_kort'}]}
    mapping_path = os.path.join(work, 'mapping.json')
    with open(mapping_path, 'w') as f:
        json.dump(mapping, f)
    return csv_path, mapping_path


# The columns that hold codes (`0111`), which the anchors must read as text, as Krapte does.
TEXT_COLUMNS = ['period', 'region', 'sector', 'occupation', 'measure', 'status']
