#!/usr/bin/env python3
"""Generates the hub's X12 850 guides (StAEDI v4 schema XML): one for versions 004010/004030/005010,
one for 003040/003050/003060. Usage: x12_guides.py OUT_DIR"""
import sys

# ---- elements the hub reads: number -> (base, min, max); 'DT' is filled per family -------------
ELEMENTS = {
    '19': ('string', 2, 30), '26': ('identifier', 2, 3), '66': ('identifier', 1, 2), '67': ('string', 2, 80),
    '81': ('decimal', 1, 10), '91': ('identifier', 1, 2), '92': ('identifier', 2, 2), '93': ('string', 1, 60),
    '98': ('identifier', 2, 3), '100': ('identifier', 3, 3), '107': ('identifier', 1, 2), '116': ('identifier', 3, 15),
    '118': ('decimal', 1, 9), '127': ('string', 1, 50), '128': ('identifier', 2, 3), '133': ('identifier', 1, 2),
    '156': ('identifier', 2, 2), '166': ('string', 1, 55), '183': ('decimal', 1, 8), '212': ('decimal', 1, 17),
    '234': ('string', 1, 48), '235': ('identifier', 2, 2), '248': ('identifier', 1, 1), '280': ('decimal', 4, 10),
    '284': ('identifier', 1, 2), '309': ('identifier', 1, 2), '310': ('string', 1, 30), '324': ('string', 1, 22),
    '326': ('string', 1, 30), '328': ('string', 1, 30), '330': ('decimal', 1, 15), '331': ('identifier', 2, 2),
    '332': ('decimal', 1, 6), '333': ('identifier', 1, 2), '336': ('identifier', 2, 2), '338': ('decimal', 1, 6),
    '342': ('decimal', 1, 5), '347': ('decimal', 1, 10), '349': ('identifier', 1, 1), '350': ('string', 1, 20),
    '351': ('numeric', 1, 3), '352': ('string', 1, 80), '353': ('identifier', 2, 2), '354': ('numeric', 1, 6),
    '355': ('identifier', 2, 2), '362': ('numeric', 1, 10), '364': ('string', 1, 256), '365': ('identifier', 2, 2),
    '366': ('identifier', 2, 2), '367': ('string', 1, 30), '368': ('identifier', 2, 2), '369': ('string', 1, 45),
    '374': ('identifier', 3, 3), '378': ('identifier', 1, 1), '380': ('decimal', 1, 15), '386': ('numeric', 1, 3),
    '387': ('string', 1, 35), '388': ('numeric', 1, 10), '389': ('numeric', 1, 10), '443': ('string', 1, 20),
    '478': ('identifier', 1, 1), '522': ('identifier', 1, 3), '559': ('identifier', 2, 2), '587': ('identifier', 2, 2),
    '610': ('numeric', 1, 15), '623': ('identifier', 2, 2), '639': ('identifier', 2, 2), '640': ('identifier', 2, 2),
    '662': ('identifier', 1, 1), '669': ('identifier', 3, 3), '706': ('identifier', 2, 2), '731': ('identifier', 2, 2),
    '732': ('identifier', 2, 3), '733': ('identifier', 2, 3), '750': ('identifier', 2, 3), '751': ('string', 1, 12),
    '752': ('identifier', 2, 2), '765': ('numeric', 1, 2), '770': ('string', 1, 20), '782': ('decimal', 1, 18),
    '786': ('identifier', 1, 2), '819': ('identifier', 2, 3), '822': ('string', 1, 15), '819': ('identifier', 2, 3),
    '933': ('string', 1, 264), '934': ('identifier', 2, 2), '954': ('decimal', 1, 10), '1019': ('identifier', 3, 3),
    '1073': ('identifier', 1, 1), '1166': ('identifier', 2, 2), '1232': ('identifier', 2, 2), '1250': ('identifier', 2, 3),
    '1251': ('string', 1, 35), '1300': ('identifier', 4, 4), '1301': ('string', 1, 10), '1470': ('numeric', 1, 9),
    '1715': ('identifier', 1, 3),
}
DATES = {'373', '370', '446'}

# ---- segments: element lists; 'n' number of the element, '*' prefix mandatory, 'X' = as written,
#      'C' = composite as written. Segments the hub does not read: (count, mandatory first?) --------
def pairs(n):
    return ['235', '234'] * n

READ = {
    'BEG': ['*353', '*92', '*324', '328', '*373', '367', '587', '1019', '1166', '1232', '786', '640'],
    'CUR': ['*98', '*100', '280', '98', '100', '669'] + ['374', 'X', 'X'] * 5,
    'REF': ['*128', '127', '352', 'C'],
    'PER': ['*366', '93', '365', '364', '365', '364', '365', '364', '443'],
    'DTM': None,  # per family
    'ITD': ['336', '333', '338', '370', '351', '446', '386', '362', '388', '389', '342', '352', '765', '107', '954'],
    'CTP': ['X', 'X', '212', '380', 'C', 'X', 'X', 'X', 'X', 'X', 'X'],
    'SAC': ['*248', '1300', '559', '1301', '610', '378', '332', '118', '355', '380', '380', '331', '127', '770', '352', '819'],
    'PID': ['*349', '750', '559', '751', '352', '752', '822', '1073', '819'],
    'TD5': ['133', '66', '67', '91', '387', '368', '309', '310', '731', '732', '733', '284', '284', '284', '26'],
    'N9': ['*128', '127', '369', 'X', 'X', 'X', 'C'],
    'MSG': ['*933', '934', '1470'],
    'N1': ['*98', '93', '66', '67', '706', '98'],
    'N2': ['*93', '93'],
    'N3': ['*166', '166'],
    'N4': ['19', '156', '116', '26', '309', '310', '1715'],
    'PO1': ['350', '330', '355', '212', '639'] + pairs(10),
    'SCH': ['*380', '*355', '98', '93', '*374', '*373', 'X', '374', '373', 'X', '326', '350'],
    'SLN': ['*350', '350', '*662', '380', 'C', '212', '639', '662'] + pairs(10),
    'CTT': ['*354', '347', '81', '355', '183', '355', '352'],
    'AMT': ['*522', '*782', '478'],
}
# The standard's syntax notes of the segments the hub reads (X12.6: P paired, R at least one
# required, C if the first then all the others, E at most one, L if the first then at least one
# other), by two-digit element positions.
SYNTAX = {
    'REF': ['R0203'],
    'PER': ['P0304', 'P0506', 'P0708'],
    'N1': ['R0203', 'P0304'],
    'N4': ['C0605'],
    'PO1': ['C0302', 'C0504'] + ['P%02d%02d' % (i, i + 1) for i in range(6, 25, 2)],
    'SAC': ['R0203', 'P0304', 'P0607', 'P0910', 'C1110', 'L130204', 'C1413', 'C1615'],
    'PID': ['C0403', 'R0405', 'C0703', 'C0804', 'C0905'],
    'N9': ['R0203'],
    'CTT': ['P0304', 'P0506'],
}
# DTM's notes name 004010's positions (003xxx has the century element before the time code).
SYNTAX_004 = {'DTM': ['R020305', 'C0403', 'P0506']}
SYNTAX_TYPES = {'P': 'paired', 'R': 'required', 'C': 'conditional', 'E': 'exclusion', 'L': 'list'}

# Segments read as written: element count (the largest of the versions), first element mandatory?
AS_WRITTEN = {
    'ADV': (7, True), 'CB1': (12, True), 'CN1': (6, True), 'CSH': (9, False), 'CTB': (8, True), 'DIS': (6, True),
    'FOB': (9, True), 'FST': (10, True), 'G61': (5, True), 'IDC': (4, True), 'INC': (5, True), 'IT8': (13, False),
    'LDT': (4, True), 'LE': (1, True), 'LIN': (31, False), 'LM': (2, True), 'LQ': (2, False), 'LS': (1, True),
    'MAN': (6, True), 'MEA': (12, False), 'MTX': (4, False), 'NTE': (2, False), 'NX2': (3, True), 'PAM': (15, False),
    'PCT': (6, True), 'PKG': (6, True), 'PO3': (8, True), 'PO4': (18, False), 'PWK': (9, True), 'QTY': (4, True),
    'SDQ': (23, True), 'SI': (21, True), 'SPI': (12, False), 'TAX': (12, False), 'TC2': (2, True), 'TD1': (10, False),
    'TD3': (10, False), 'TD4': (6, False), 'TXI': (10, True),
}

MANY = 99999

def S(tag, lo=0, hi=1):
    return ('segment', tag, lo, hi)

def L(code, lo, hi, *body):
    return ('loop', code, lo, hi, list(body))

def heading(family):
    nte = [S('NTE', 0, 100)] if family == '003' else []
    return [S('BEG', 1)] + nte + [
        S('CUR'), S('REF', 0, MANY), S('PER', 0, 3), S('TAX', 0, MANY), S('FOB', 0, MANY), S('CTP', 0, MANY),
        S('PAM', 0, 10), S('CSH', 0, 5), S('TC2', 0, MANY),
        L('SAC', 0, 25, S('SAC', 1), S('CUR')),
        S('ITD', 0, MANY), S('DIS', 0, 20), S('INC'), S('DTM', 0, 10), S('LDT', 0, 12), S('LIN', 0, 5), S('SI', 0, MANY),
        S('PID', 0, 200), S('MEA', 0, 40), S('PWK', 0, 25), S('PKG', 0, 200), S('TD1', 0, 2), S('TD5', 0, 12),
        S('TD3', 0, 12), S('TD4', 0, 5), S('MAN', 0, 10), S('PCT', 0, MANY), S('CTB', 0, 5), S('TXI', 0, MANY),
        L('AMT', 0, MANY, S('AMT', 1), S('REF', 0, MANY), S('DTM'), S('TXI', 0, MANY)),
        L('N9', 0, 1000, S('N9', 1), S('DTM', 0, MANY), S('MSG', 0, 1000)),
        L('N1', 0, 200, S('N1', 1), S('N2', 0, 2), S('N3', 0, 2), S('N4', 0, MANY), S('NX2', 0, MANY), S('REF', 0, 12),
          S('PER', 0, MANY), S('SI', 0, MANY), S('FOB'), S('TD1', 0, 2), S('TD5', 0, 12), S('TD3', 0, 12), S('TD4', 0, 5),
          S('PKG', 0, 200)),
        L('LM', 0, MANY, S('LM', 1), S('LQ', 1, MANY)),
        L('SPI', 0, MANY, S('SPI', 1), S('REF', 0, 5), S('DTM', 0, 5), S('MSG', 0, MANY),
          L('SPI_N1', 0, 20, S('N1', 1), S('N2', 0, 2), S('N3', 0, 2), S('N4'), S('REF', 0, 20), S('G61'), S('MSG', 0, MANY)),
          L('CB1', 0, MANY, S('CB1', 1), S('REF', 0, 20), S('DTM', 0, 5), S('LDT'), S('MSG', 0, MANY))),
        L('ADV', 0, MANY, S('ADV', 1), S('DTM', 0, MANY), S('MTX', 0, MANY)),
    ]

def detail(family):
    nte = [S('NTE', 0, 100)] if family == '003' else []
    return [L('PO1', 1, 100000, S('PO1', 1), S('LIN', 0, MANY), S('SI', 0, MANY), S('CUR'), S('CN1'), S('PO3', 0, 25),
        L('CTP', 0, MANY, S('CTP', 1), S('CUR')),
        S('PAM', 0, 10), S('MEA', 0, 40),
        L('PID', 0, 1000, S('PID', 1), S('MEA', 0, 10)),
        S('PWK', 0, 25), *nte, S('PO4', 0, MANY), S('REF', 0, MANY), S('PER', 0, 3),
        L('PO1_SAC', 0, 25, S('SAC', 1), S('CUR')),
        S('IT8'), S('CSH', 0, MANY), S('ITD', 0, 2), S('DIS', 0, 20), S('INC'), S('TAX', 0, 3), S('FOB', 0, MANY),
        S('SDQ', 0, 500), S('IDC', 0, MANY), S('DTM', 0, 10), S('FST', 0, MANY), S('TC2', 0, MANY), S('TD1'), S('TD5', 0, 12),
        S('TD3'), S('TD4', 0, 5), S('PCT', 0, MANY), S('MAN', 0, 10), S('MSG', 0, MANY), S('SPI', 0, MANY), S('TXI', 0, MANY),
        S('CTB', 0, MANY),
        L('QTY', 0, MANY, S('QTY', 1), S('SI', 0, MANY)),
        L('SCH', 0, 200, S('SCH', 1), S('TD1', 0, 2), S('TD5', 0, 12), S('TD3', 0, 12), S('TD4', 0, 5), S('REF', 0, MANY)),
        S('PKG', 0, 200), S('LS'),
        L('LDT', 0, 1000, S('LDT', 1), S('MAN', 0, 10), S('QTY', 0, 5), S('MSG'), S('REF', 0, 3)),
        S('LE'),
        L('PO1_N9', 0, 1000, S('N9', 1), S('DTM', 0, MANY), S('MEA', 0, 40), S('MSG', 0, 1000)),
        L('PO1_N1', 0, 200, S('N1', 1), S('N2', 0, 2), S('N3', 0, 2), S('N4'), S('QTY', 0, MANY), S('NX2', 0, MANY),
          S('REF', 0, 12), S('PER', 0, 3), S('SI', 0, MANY), S('DTM'), S('FOB'), S('SCH', 0, 200), S('TD1', 0, 2),
          S('TD5', 0, 12), S('TD3', 0, 12), S('TD4', 0, 5), S('PKG', 0, 200)),
        L('SLN', 0, 1000, S('SLN', 1), S('MSG', 0, MANY), S('SI', 0, MANY), S('PID', 0, 1000), S('PO3', 0, 104),
          S('TC2', 0, MANY), S('ADV', 0, MANY), S('DTM', 0, 10), S('CTP', 0, 25), S('PAM', 0, 10), S('PO4'), S('TAX', 0, 3),
          L('SLN_N9', 0, MANY, S('N9', 1), S('DTM', 0, MANY), S('MSG', 0, MANY)),
          L('SLN_SAC', 0, 25, S('SAC', 1), S('CUR')),
          L('SLN_QTY', 0, MANY, S('QTY', 1), S('SI', 0, MANY)),
          L('SLN_N1', 0, 10, S('N1', 1), S('N2', 0, 2), S('N3', 0, 2), S('N4'), S('NX2', 0, MANY), S('REF', 0, 12),
            S('PER', 0, 3), S('SI', 0, MANY))),
        L('PO1_AMT', 0, MANY, S('AMT', 1), S('REF'), S('PCT', 0, MANY)),
        L('PO1_LM', 0, MANY, S('LM', 1), S('LQ', 1, MANY)),
    )]

def summary():
    return [L('CTT', 0, 1, S('CTT', 1), S('AMT'))]


HEADERS = {
    '004': """  ASC X12 850 Purchase Order for versions 004010, 004030 and 005010 (one guide: the 850 changed
  little between them; where they differ, in element counts or maximum lengths, the guide takes the
  most permissive, e.g. N4 has 005010's seven elements, REF02 005010's 50 characters).""",
    '003': """  ASC X12 850 Purchase Order for versions 003040, 003050 and 003060 (one guide, differences between
  them taken at their most permissive). Before 004010 a date (373) is YYMMDD, six digits, and the
  850 carries NTE notes (heading after BEG, detail after PWK); DTM has the century element (624).""",
}
COMMON = """  The published loop and segment structure of the 850 (heading, detail PO1 loop, summary), with the
  standard's positions, repeats and mandatory segments (BEG and PO1; CTT is optional). Elements the
  hub reads, and those of BEG, PO1, N1-N4, PER, CUR, DTM, PID, CTP, SAC, SCH, SLN, N9/MSG, REF, CTT,
  ITD and TD5, have the standard's type, mandatory flag and lengths; the other segments' elements
  are accepted as written (text, up to the standard's element count). The syntax notes of those
  segments (paired, required, conditional elements) are enforced: they are how the standard says an
  element is well formed. Code lists are not: a business question is never a syntax error.
  Generated by src/tools/edi-guides/x12_guides.py from one description of the 850; do not edit by
  hand, change the description and regenerate both guides."""


def generate(family):
    elements = dict(ELEMENTS)
    date = ('date', 6, 6) if family == '003' else ('date', 8, 8)
    for d in DATES:
        elements[d] = date
    read = dict(READ)
    if family == '003':
        read['DTM'] = ['*374', '373', 'X', '623', 'X', '1250', '1251']
    else:
        read['DTM'] = ['*374', '373', 'X', '623', '1250', '1251']
    used_elements = set()
    out = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>')
    w('<!--')
    w(HEADERS[family])
    w('')
    w(COMMON)
    w('-->')
    w('<schema xmlns="http://xlate.io/EDISchema/v4">')
    w('  <transaction>')
    used_segments = set()
    sequence(heading(family) + detail(family) + summary(), '    ', w, used_segments)
    w('  </transaction>')
    w('')
    for tag in sorted(used_segments):
        if tag in read:
            refs = []
            for e in read[tag]:
                mandatory = e.startswith('*')
                e = e.lstrip('*')
                if e == 'X':
                    refs.append('<element type="E_AN"/>')
                elif e == 'C':
                    refs.append('<composite type="C_ANY"/>')
                else:
                    used_elements.add(e)
                    refs.append(f'<element type="E{e}"' + (' minOccurs="1"' if mandatory else '') + '/>')
        else:
            count, first = AS_WRITTEN[tag]
            refs = [('<element type="E_AN" minOccurs="1"/>' if first and i == 0 else '<element type="E_AN"/>')
                    for i in range(count)]
        notes = SYNTAX.get(tag, []) + (SYNTAX_004.get(tag, []) if family == '004' else [])
        syntax = ''.join(f'<syntax type="{SYNTAX_TYPES[n[0]]}">'
                         + ''.join(f'<position>{int(n[i:i + 2])}</position>' for i in range(1, len(n), 2)) + '</syntax>'
                         for n in notes if tag in read)
        w(f'  <segmentType name="{tag}"><sequence>' + ''.join(refs) + '</sequence>' + syntax + '</segmentType>')
    w('')
    for e in sorted(used_elements, key=int):
        base, lo, hi = elements[e]
        w(f'  <elementType name="E{e}" number="{e}" base="{base}"' + (f' minLength="{lo}"' if lo > 1 else '')
          + f' maxLength="{hi}"/>')
    w('')
    w('  <!-- A composite the hub does not read (C001 unit of measure, C040 reference identifier): as written. -->')
    w('  <compositeType name="C_ANY"><sequence>' + '<element type="E_AN"/>' * 15 + '</sequence></compositeType>')
    w('  <!-- Any element the hub does not read: text, as long as X12 allows any (MSG01 is 264). -->')
    w('  <elementType name="E_AN" base="string" maxLength="264"/>')
    w('</schema>')
    return '\n'.join(out) + '\n'


def sequence(nodes, indent, w, used):
    w(indent + '<sequence>')
    for node in nodes:
        if node[0] == 'segment':
            _, tag, lo, hi = node
            used.add(tag)
            w(indent + f'  <segment type="{tag}"' + (f' minOccurs="{lo}"' if lo else '')
              + (f' maxOccurs="{hi}"' if hi != 1 else '') + '/>')
        else:
            _, code, lo, hi, body = node
            w(indent + f'  <loop code="L_{code}"' + (f' minOccurs="{lo}"' if lo else '')
              + (f' maxOccurs="{hi}"' if hi != 1 else '') + '>')
            sequence(body, indent + '    ', w, used)
            w(indent + '  </loop>')
    w(indent + '</sequence>')


if __name__ == '__main__':
    out_dir = sys.argv[1]
    for family in ('003', '004'):
        with open(f'{out_dir}/X12-850-{family}.xml', 'w') as f:
            f.write(generate(family))
