// The two classes of the 2-D sets, as the decision boundary draws them: Okabe-Ito blue and
// orange (told apart with any colour vision), and a marker shape each so colour is never alone.
export const CLASS_STYLES = [
  { label: 'Class A', color: '#0072B2', marker: 'circle' },
  { label: 'Class B', color: '#E69F00', marker: 'square' },
] as const;
