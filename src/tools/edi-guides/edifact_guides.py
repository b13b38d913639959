#!/usr/bin/env python3
"""Generates the hub's EDIFACT ORDERS guides (StAEDI v4 schema XML) from the UN/EDIFACT directory
as published in machine-readable form by the Smooks EDIFACT cartridge (org.smooks.cartridges.edi:
edifact-schemas:2.0.0:<dir>, DFDL schemas generated from the UNTDID directory files).

Usage: edifact_guides.py SMOOKS_DIR OUT_DIR DIR...   (SMOOKS_DIR/<dir>/<dir>/EDIFACT-*.dfdl.xsd)
"""
import re
import sys
import xml.etree.ElementTree as ET

XSD = '{http://www.w3.org/2001/XMLSchema}'
DFDL = '{http://www.ogf.org/dfdl/dfdl-1.0/}'
MESSAGE = 'ORDERS'


def local(name):
    return name.split(':', 1)[1] if ':' in name else name


class Directory:
    def __init__(self, root, directory):
        base = f'{root}/{directory}/{directory}'
        self.messages = ET.parse(f'{base}/EDIFACT-Messages.dfdl.xsd').getroot()
        segments = ET.parse(f'{base}/EDIFACT-Segments.dfdl.xsd').getroot()
        self.complex = {c.get('name'): c for c in segments.iter(XSD + 'complexType') if c.get('name')}
        self.simple = {s.get('name'): s for s in segments.iter(XSD + 'simpleType') if s.get('name')}

    def message(self, name):
        for c in self.messages.findall(XSD + 'complexType'):
            if c.get('name') == name:
                return c
        raise KeyError(name)

    def simple_kind(self, type_name):
        """(base, minLength, maxLength) of a simple type, following its restriction chain."""
        st = self.simple[type_name]
        pattern = st.get(DFDL + 'textNumberPattern')
        restriction = st.find(XSD + 'restriction')
        base = restriction.get('base')
        if base.startswith('xsd:'):
            if base == 'xsd:decimal':
                digits = int(restriction.find(XSD + 'totalDigits').get('value'))
                m = re.fullmatch(r'numeric(\d+)(?:-(\d+))?', type_name)
                if m and m.group(2) is None:
                    return 'decimal', int(m.group(1)), int(m.group(1))
                return 'decimal', 1, digits
            lo = restriction.find(XSD + 'minLength')
            hi = restriction.find(XSD + 'maxLength')
            return 'string', int(lo.get('value')) if lo is not None else 0, int(hi.get('value'))
        return self.simple_kind(local(base))


class Generator:
    def __init__(self, directory, code):
        self.d = directory
        self.code = code
        self.segment_types = {}     # tag -> list of (kind, ref, min)
        self.composites = {}        # code -> list of (element, min)
        self.elements = {}          # code -> (base, min, max)

    # --- message structure -------------------------------------------------------------------
    def structure(self, parent):
        nodes = []
        for child in parent:
            if child.tag == XSD + 'sequence':
                nodes.extend(self.structure(child))
            elif child.tag == XSD + 'element':
                lo = int(child.get('minOccurs', '1'))
                hi = int(child.get('maxOccurs', '1'))
                tag = child.get(DFDL + 'initiator')
                if tag:
                    self.segment(tag, local(child.get('type')))
                    nodes.append(('segment', tag, lo, hi))
                else:
                    number = child.get('name').split('-')[1]
                    body = self.structure(child.find(XSD + 'complexType'))
                    nodes.append(('loop', 'SG' + number, lo, hi, body))
            elif child.tag == XSD + 'complexType':
                nodes.extend(self.structure(child))
        return nodes

    def segment(self, tag, type_name):
        if tag in self.segment_types:
            return
        if tag == 'UNS':
            self.elements['E0081'] = ('string', 1, 1)
            self.segment_types[tag] = [('element', 'E0081', 1, 1)]
            return
        refs = []
        for child in self.d.complex[type_name].find(XSD + 'sequence'):
            if child.tag == XSD + 'sequence':  # a repeated part: consecutive positions in syntax 3
                (element,) = list(child)
                lo = int(element.get('minOccurs', '1'))
                hi = int(element.get('maxOccurs', '1'))
                for i in range(hi):
                    kind, code, _, _ = self.reference(element, lo if i == 0 else 0)
                    # Syntax 4 repeats with the repetition separator, syntax 3 in consecutive positions:
                    # the first position takes repetitions, the others the consecutive form.
                    refs.append((kind, code, lo if i == 0 else 0, hi if i == 0 else 1))
            else:
                refs.append(self.reference(child, int(child.get('minOccurs', '1'))))
        self.segment_types[tag] = refs

    def reference(self, element, lo):
        type_name = local(element.get('type'))
        code = type_name.split('-')[0]
        if code.startswith('C') or code.startswith('S'):
            self.composite(code, type_name)
            return ('composite', code, lo, 1)
        self.element(code, type_name)
        return ('element', code, lo, 1)

    def composite(self, code, type_name):
        if code in self.composites:
            return
        parts = []
        for element in self.d.complex[type_name].find(XSD + 'sequence'):
            lo = int(element.get('minOccurs', '1'))
            name = local(element.get('type')).split('-')[0]
            self.element(name, local(element.get('type')))
            for i in range(int(element.get('maxOccurs', '1'))):
                parts.append((name, lo if i == 0 else 0))
        self.composites[code] = parts

    def element(self, code, type_name):
        kind = self.d.simple_kind(type_name)
        if code in self.elements and self.elements[code] != kind:
            raise ValueError(f'{code}: {self.elements[code]} vs {kind}')
        self.elements[code] = kind

    # --- output ------------------------------------------------------------------------------
    def xml(self, nodes):
        out = []
        w = out.append
        w('<?xml version="1.0" encoding="UTF-8"?>')
        w('<!--')
        w(f'  UN/EDIFACT ORDERS, directory {self.code}: the published message structure (segment groups,')
        w('  positions, repeats, mandatory segments) and every segment\'s elements and components with the')
        w('  directory\'s representation (an..n as text, n..n as a number, lengths, mandatory flags).')
        w('  Code lists are not enforced: a qualifier is accepted as written, so a code of another directory')
        w('  or a mutually agreed one never rejects an order. A repeated element (PIA C212 5 times, COM C076')
        w('  3 times, ...) is accepted as syntax 4 writes it (repetitions of the first position) and as')
        w('  syntax versions 1-3 do (consecutive positions). EANCOM subsets (UNH 0057 EAN008, EAN010, ...)')
        w('  are read with the guide of the directory UNH names: a subset cannot allow what its directory does not.')
        w('  Generated by src/tools/edi-guides/edifact_guides.py from the directory\'s machine-readable form')
        w('  (Smooks edifact-schemas 2.0.0, DFDL made from the UNTDID files); do not edit by hand, regenerate.')
        w('-->')
        w('<schema xmlns="http://xlate.io/EDISchema/v4">')
        w('  <transaction>')
        self.sequence(nodes, '    ', w)
        w('  </transaction>')
        w('')
        for tag in sorted(self.segment_types):
            w(f'  <segmentType name="{tag}"><sequence>'
              + ''.join(self.ref(kind, code, lo, hi) for kind, code, lo, hi in self.segment_types[tag])
              + '</sequence></segmentType>')
        w('')
        for code in sorted(self.composites):
            w(f'  <compositeType name="{code}"><sequence>'
              + ''.join(self.ref('element', name, lo) for name, lo in self.composites[code])
              + '</sequence></compositeType>')
        w('')
        for code in sorted(self.elements, key=lambda c: int(c[1:])):
            base, lo, hi = self.elements[code]
            number = int(code[1:])
            lo_attr = f' minLength="{lo}"' if lo > 1 else ''
            w(f'  <elementType name="{code}" number="{number}" base="{base}"{lo_attr} maxLength="{hi}"/>')
        w('</schema>')
        return '\n'.join(out) + '\n'

    @staticmethod
    def ref(kind, code, lo, hi=1):
        return (f'<{kind} type="{code}"' + (' minOccurs="1"' if lo else '') + (f' maxOccurs="{hi}"' if hi > 1 else '')
                + '/>')

    def sequence(self, nodes, indent, w):
        w(indent + '<sequence>')
        for node in nodes:
            if node[0] == 'segment':
                _, tag, lo, hi = node
                w(indent + f'  <segment type="{tag}"' + (f' minOccurs="{lo}"' if lo else '')
                  + (f' maxOccurs="{hi}"' if hi != 1 else '') + '/>')
            else:
                _, code, lo, hi, body = node
                w(indent + f'  <loop code="{code}"' + (f' minOccurs="{lo}"' if lo else '')
                  + (f' maxOccurs="{hi}"' if hi != 1 else '') + '>')
                self.sequence(body, indent + '    ', w)
                w(indent + '  </loop>')
        w(indent + '</sequence>')


def main():
    root, out_dir, *dirs = sys.argv[1:]
    for d in dirs:
        directory = Directory(root, d)
        gen = Generator(directory, d.upper())
        nodes = gen.structure(directory.message(MESSAGE))
        with open(f'{out_dir}/EDIFACT-ORDERS-{d.upper()}.xml', 'w') as f:
            f.write(gen.xml(nodes))
        print(d, len(gen.segment_types), 'segments', len(gen.composites), 'composites', len(gen.elements), 'elements')


if __name__ == '__main__':
    main()
