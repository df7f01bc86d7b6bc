package se.creativenorrbotten.directory.member;

/**
 * Swedish organisation numbers (organisationsnummer): ten digits written NNNNNN-NNNN, the third and
 * fourth forming a number of at least 20, the last a Luhn check digit. A number whose third and
 * fourth digits are below 20 is a personal identity number (a sole trader's): personal data, refused.
 */
public final class OrganisationNumber {

    private OrganisationNumber() {
    }

    /** Why the number is not acceptable, or null when it is. Expects the NNNNNN-NNNN form. */
    public static String problem(String number) {
        if (number == null || !number.matches("[0-9]{6}-[0-9]{4}")) {
            return "must be written NNNNNN-NNNN";
        }
        String digits = number.substring(0, 6) + number.substring(7);
        if (Integer.parseInt(digits.substring(2, 4)) < 20) {
            return "is a personal identity number, not an organisation number (its third and fourth digits are below 20);"
                    + " personal identity numbers are not stored";
        }
        if (!luhnValid(digits)) {
            return "has a wrong check digit";
        }
        return null;
    }

    /** The Luhn (mod 10) check over all digits, the last being the check digit. */
    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if ((digits.length() - i) % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
